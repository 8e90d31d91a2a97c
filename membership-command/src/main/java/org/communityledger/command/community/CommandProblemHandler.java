package org.communityledger.command.community;

import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the command side's refusals to problem bodies: a broken rule is 409, an unknown community 404. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemHandler {

    @ExceptionHandler(CommunityRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(CommunityRuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setType(URI.create("urn:community-ledger:rule:" + violation.rule()));
        problem.setTitle("Refused by the community's rules");
        problem.setProperty("rule", violation.rule());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownCommunity(AggregateNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no community " + notFound.getAggregateIdentifier() + ".");
        problem.setType(URI.create("urn:community-ledger:problem:unknown-community"));
        problem.setTitle("Unknown community");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
