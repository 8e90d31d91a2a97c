package org.communityledger.command.dispatch;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An idempotency key that was first used for a different request. Carries its own 422 problem, which the
 * platform's handler answers as it is.
 */
public class IdempotencyKeyReused extends ErrorResponseException implements CommandRefusal {

    public IdempotencyKeyReused(String key) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency key reused",
                "The Idempotency-Key '" + key + "' was already used for a different request; use a new key."), null);
    }

    @Override
    public CommandOutcome outcome() {
        return CommandOutcome.INVALID;
    }

    static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:community-ledger:problem:" + kind));
        problem.setTitle(title);
        return problem;
    }
}
