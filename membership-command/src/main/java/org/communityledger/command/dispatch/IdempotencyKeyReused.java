package org.communityledger.command.dispatch;

/** An idempotency key that was first used for a different request. Answered as 422. */
public class IdempotencyKeyReused extends RuntimeException implements CommandRefusal {

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key '" + key + "' was already used for a different request; use a new key.");
    }

    @Override
    public CommandOutcome outcome() {
        return CommandOutcome.INVALID;
    }
}
