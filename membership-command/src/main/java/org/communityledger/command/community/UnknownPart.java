package org.communityledger.command.community;

import org.communityledger.command.dispatch.CommandOutcome;
import org.communityledger.command.dispatch.CommandRefusal;

/** A plaque or agreement that the community does not have. Answered as 404. */
public class UnknownPart extends RuntimeException implements CommandRefusal {

    UnknownPart(String message) {
        super(message);
    }

    @Override
    public CommandOutcome outcome() {
        return CommandOutcome.INVALID;
    }
}
