package org.communityledger.command.community;

/** A plaque or agreement that the community does not have. Answered as 404. */
class UnknownPart extends RuntimeException {

    UnknownPart(String message) {
        super(message);
    }
}
