package org.communityledger.query.web;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem bodies for what only the query side can say. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblemHandler {

    @ExceptionHandler(UnknownResourceException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownResourceException unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setType(URI.create("urn:community-ledger:problem:not-found"));
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(NotYetFreshException.class)
    ResponseEntity<ProblemDetail> notYetFresh(NotYetFreshException notYet) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, notYet.getMessage());
        problem.setType(URI.create("urn:community-ledger:problem:not-yet-fresh"));
        problem.setTitle("Views not yet up to date");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
    }

    @ExceptionHandler(TooManyWaitersException.class)
    ResponseEntity<ProblemDetail> tooManyWaiters(TooManyWaitersException full) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, full.getMessage());
        problem.setType(URI.create("urn:community-ledger:problem:too-many-waiters"));
        problem.setTitle("Too many queries waiting for minPosition");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(TooManyStreamsOfOnePrincipalException.class)
    ResponseEntity<ProblemDetail> tooManyStreamsOfOnePrincipal(TooManyStreamsOfOnePrincipalException full) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, full.getMessage());
        problem.setType(URI.create("urn:community-ledger:problem:too-many-streams-of-one-principal"));
        problem.setTitle("Too many live streams of one account");
        // Written whatever the client accepted: a stream client asked for text/event-stream.
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException full) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, full.getMessage());
        problem.setType(URI.create("urn:community-ledger:problem:too-many-streams"));
        problem.setTitle("Too many live streams");
        // The problem is written whatever the client accepted: a stream client asked for text/event-stream.
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
