package org.communityledger.verifier;

import java.util.Objects;

/**
 * One thing in the export or a checkpoint that does not fit.
 *
 * @param kind     what is wrong, as a stable name a script can match
 * @param location where
 * @param detail   the values involved, in a sentence
 */
public record Problem(Kind kind, Location location, String detail) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(detail, "detail");
    }

    /** What is wrong. */
    public enum Kind {
        /**
         * Not one JSON object with the export's fields, a field of the wrong type, a hash that is not 64 lowercase
         * hex, a line cut off, or a field its hash version covers missing.
         */
        LINE_MALFORMED,
        /** The stored metadata is not a JSON object, so the export wrote it as a string: its seal cannot be read. */
        METADATA_NOT_AN_OBJECT,
        /** The metadata names a hash version this verifier does not know: the hash cannot be recomputed. */
        HASH_VERSION_UNKNOWN,
        /** A position not after the previous line's: the export is reordered, or repeats an event. */
        POSITION_NOT_INCREASING,
        /** A community's version more than one past its previous event's: events are missing. */
        VERSION_SKIPPED,
        /** A community's version not past its previous event's: an event repeated or out of order. */
        VERSION_REPEATED,
        /**
         * {@code prevHash} is not the hash of the community's previous event (64 zeros for its first): an event
         * before it was removed, replaced or reordered.
         */
        PREVIOUS_HASH_MISMATCH,
        /** The event's content does not give its hash: it was altered after it was sealed. */
        HASH_MISMATCH,
        /** Sealed under v1 after an event of its community sealed under v2: the seal was downgraded. */
        SEAL_DOWNGRADED,
        /** The checkpoint is not a signed note of a checkpoint. */
        CHECKPOINT_MALFORMED,
        /** No signature by the verifier key: another key signed it, or none. */
        CHECKPOINT_NOT_SIGNED_BY_KEY,
        /** The verifier key's signature does not verify: the note was altered after it was signed. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** Signed by the key, but for a log of another name. */
        CHECKPOINT_ORIGIN_MISMATCH,
        /** The checkpoint counts more events than the export holds: the export is truncated. */
        CHECKPOINT_BEYOND_EXPORT,
        /** The previous checkpoint counts more events than the current one: the log went back. */
        CHECKPOINT_BEYOND_CURRENT,
        /** The first {@code size} events of the export give another root than the checkpoint signs. */
        CHECKPOINT_ROOT_MISMATCH,
        /** A line among the checkpoint's first {@code size} has no readable hash, so its root cannot be computed. */
        CHECKPOINT_ROOT_UNREADABLE
    }

    /** {@code line 17 (position 42, community c-1, version 3): HASH_MISMATCH: ...} */
    public String describe() {
        return location.describe() + ": " + kind + ": " + detail;
    }
}
