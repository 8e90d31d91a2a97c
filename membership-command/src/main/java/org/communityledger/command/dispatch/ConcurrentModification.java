package org.communityledger.command.dispatch;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Other commands kept changing the community while this one was retried. Carries its own 409 problem; the
 * client may try again.
 */
public class ConcurrentModification extends ErrorResponseException implements CommandRefusal {

    public ConcurrentModification(String communityId, Throwable cause) {
        super(HttpStatus.CONFLICT, IdempotencyKeyReused.problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Concurrent modification", "Community " + communityId
                        + " was changed concurrently; the command was not applied. Try again."), cause);
    }

    @Override
    public CommandOutcome outcome() {
        return CommandOutcome.CONFLICT;
    }
}
