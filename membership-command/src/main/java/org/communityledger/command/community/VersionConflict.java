package org.communityledger.command.community;

import org.communityledger.command.dispatch.CommandOutcome;
import org.communityledger.command.dispatch.CommandRefusal;

/** The command was conditional on a version ({@code If-Match}) and the community has moved on. Answered as 412. */
public class VersionConflict extends RuntimeException implements CommandRefusal {

    private final long expected;
    private final long actual;

    VersionConflict(long expected, long actual) {
        super("The community is at version " + actual + ", not " + expected + " as the request's If-Match expects.");
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }

    @Override
    public CommandOutcome outcome() {
        return CommandOutcome.CONFLICT;
    }
}
