package org.communityledger.command.community.web;

import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.communityledger.command.community.RuleViolation;
import org.communityledger.command.community.UnknownPart;
import org.communityledger.command.community.VersionConflict;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the aggregate's refusals to problem bodies: a broken rule is 409, a stale {@code If-Match} 412, an unknown
 * community, plaque or agreement 404. (The aggregate knows nothing of HTTP; the dispatcher's own refusals, a
 * reused idempotency key and a concurrent modification, carry their problems as ErrorResponseExceptions.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemHandler {

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule:" + violation.rule().problemName(),
                "Refused by the community's rules", violation.getMessage());
        problem.setProperty("rule", violation.rule().problemName());
        return answer(problem);
    }

    @ExceptionHandler(VersionConflict.class)
    ResponseEntity<ProblemDetail> versionMoved(VersionConflict conflict) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "problem:version-conflict",
                "The community has changed", conflict.getMessage());
        problem.setProperty("expectedVersion", conflict.expected());
        problem.setProperty("currentVersion", conflict.actual());
        return answer(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownCommunity(AggregateNotFoundException notFound) {
        return answer(problem(HttpStatus.NOT_FOUND, "problem:unknown-community", "Unknown community",
                "There is no community " + notFound.getAggregateIdentifier() + "."));
    }

    @ExceptionHandler(UnknownPart.class)
    ResponseEntity<ProblemDetail> unknownPart(UnknownPart unknown) {
        return answer(problem(HttpStatus.NOT_FOUND, "problem:not-found", "Not found", unknown.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:community-ledger:" + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
