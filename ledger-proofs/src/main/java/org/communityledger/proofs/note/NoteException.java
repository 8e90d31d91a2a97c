package org.communityledger.proofs.note;

/** A note, key or checkpoint that cannot be read, or a note that is not verified. */
public final class NoteException extends RuntimeException {

    /** What is wrong. */
    public enum Reason {
        /** Not a note, key or checkpoint in the format. */
        MALFORMED,
        /** No signature by a trusted key. */
        UNVERIFIED,
        /** A signature by a trusted key does not verify. */
        INVALID_SIGNATURE,
        /** A verified checkpoint from another log than the one expected. */
        WRONG_ORIGIN
    }

    private final Reason reason;

    NoteException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static NoteException malformed(String message) {
        return new NoteException(Reason.MALFORMED, message);
    }

    public Reason reason() {
        return reason;
    }
}
