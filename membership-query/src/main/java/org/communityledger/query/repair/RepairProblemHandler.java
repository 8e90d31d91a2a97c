package org.communityledger.query.repair;

import java.net.URI;
import org.communityledger.query.projection.RepairRefusedException;
import org.communityledger.query.projection.UnknownDeadLetterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem bodies for repairs that cannot be done as asked. */
@RestControllerAdvice(assignableTypes = DeadLetterController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RepairProblemHandler {

    @ExceptionHandler(RepairRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RepairRefusedException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setType(URI.create("urn:community-ledger:problem:repair-refused"));
        problem.setTitle("Repair refused");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(UnknownDeadLetterException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownDeadLetterException unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setType(URI.create("urn:community-ledger:problem:not-found"));
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
