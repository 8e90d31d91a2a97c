package org.communityledger.command.dispatch;

/** Other commands kept changing the community while this one was retried. Answered as 409; try again. */
public class ConcurrentModification extends RuntimeException implements CommandRefusal {

    public ConcurrentModification(String communityId, Throwable cause) {
        super("Community " + communityId + " was changed concurrently; the command was not applied. Try again.", cause);
    }

    @Override
    public CommandOutcome outcome() {
        return CommandOutcome.CONFLICT;
    }
}
