package org.communityledger.command.audit;

import org.communityledger.command.ledger.SealedFields;
import org.communityledger.proofs.chain.ChainHash;

/**
 * Walks one community's events in version order and names the first that does not fit: a missing or repeated
 * version, a prevHash that is not the previous event's hash, a seal downgraded from v2 to v1, or a hash that
 * does not match the event's content (under the chain hash version the event names: v2 also covers its id,
 * position, principal, correlation id and idempotency key). After the first misfit it ignores the rest.
 */
final class ChainWalk {

    private final String communityId;
    private long checked;
    private String previousHash;
    private Long badVersion;
    private String reason;
    private boolean sealedUnderV2;

    private ChainWalk(String communityId, long checked, String previousHash) {
        this.communityId = communityId;
        this.checked = checked;
        this.previousHash = previousHash;
    }

    /** A walk from the community's first event. */
    static ChainWalk fromGenesis(String communityId) {
        return new ChainWalk(communityId, 0, ChainHash.GENESIS);
    }

    /**
     * A walk that joins the chain at this event, taking its link to the event before as given: for a window of
     * the log, where that event lies outside it.
     */
    static ChainWalk joiningAt(StoredEvent first) {
        String claimedPrevious = SealedFields.read(first.metaData()).prevHash();
        return new ChainWalk(first.communityId(), first.version() - 1,
                claimedPrevious == null ? ChainHash.GENESIS : claimedPrevious);
    }

    void check(StoredEvent event) {
        if (badVersion != null) {
            return;
        }
        long expectedVersion = checked + 1;
        if (event.version() != expectedVersion) {
            fail(expectedVersion, event.version() > expectedVersion
                    ? "version " + expectedVersion + " is missing (the next stored event is version " + event.version() + ")"
                    : "version " + event.version() + " appears again after version " + checked);
            return;
        }
        SealedFields seal = SealedFields.read(event.metaData());
        if (!seal.sealed()) {
            fail(event.version(), "the event carries no seal (prevHash and hash)");
            return;
        }
        if (!seal.prevHash().equals(previousHash)) {
            fail(event.version(), "its prevHash is not the hash of version " + checked
                    + ": an event before it was removed, replaced or reordered");
            return;
        }
        if (sealedUnderV2 && seal.hashTag() == null) {
            fail(event.version(), "it is sealed under v1 after an event sealed under v2: its seal was downgraded");
            return;
        }
        String recomputed;
        try {
            recomputed = ChainHash.of(seal.chainedEvent(event.position(), event.eventId(), event.communityId(),
                    event.version(), event.name(), event.revision(), event.timestamp(), event.payload()));
        } catch (IllegalArgumentException e) {
            fail(event.version(), "its seal cannot be recomputed (" + e.getMessage() + "): the event was altered");
            return;
        }
        if (!recomputed.equals(seal.hash())) {
            fail(event.version(), "its content does not match its hash: the event was altered");
            return;
        }
        previousHash = recomputed;
        sealedUnderV2 |= seal.hashTag() != null;
        checked++;
    }

    private void fail(long version, String why) {
        badVersion = version;
        reason = "version " + version + ": " + why;
    }

    String communityId() {
        return communityId;
    }

    boolean valid() {
        return badVersion == null;
    }

    /** Events that fitted, those before the window included. */
    long checked() {
        return checked;
    }

    String headHash() {
        return previousHash;
    }

    Long badVersion() {
        return badVersion;
    }

    String reason() {
        return reason;
    }
}
