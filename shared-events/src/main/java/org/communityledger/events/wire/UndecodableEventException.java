package org.communityledger.events.wire;

/** A record on the wire that this version of the contract cannot read; the reason says why. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String reason) {
        super(reason);
    }

    public UndecodableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
