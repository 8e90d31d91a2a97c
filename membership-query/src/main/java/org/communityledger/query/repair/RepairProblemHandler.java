package org.communityledger.query.repair;

import java.net.URI;
import org.communityledger.query.projection.RepairRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem bodies for repairs that cannot be done as asked (an unknown dead letter is a 404 like any other). */
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
}
