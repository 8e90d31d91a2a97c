package org.communityledger.command.audit;

import org.communityledger.command.ledger.SealedFields;
import org.communityledger.proofs.chain.ChainHash;
import org.springframework.stereotype.Component;

/**
 * Recomputes a community's hash chain from the stored bytes and names the first event that does not fit:
 * a missing or repeated version, a prevHash that is not the previous event's hash, or a hash that does not
 * match the event's content (under the chain hash version the event names: v2 also covers its id, position,
 * principal, correlation id and idempotency key).
 */
@Component
class ChainVerifier {

    private final StoredEvents storedEvents;

    ChainVerifier(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    Verification verify(String communityId, long upToPosition) {
        Walk walk = new Walk(communityId);
        storedEvents.streamCommunity(communityId, upToPosition, walk::check);
        return walk.result();
    }

    /** The result of recomputing one community's chain. */
    record Verification(String communityId, boolean valid, long eventsChecked, String headHash, Long firstBadVersion,
                        String reason) {
    }

    private static final class Walk {
        private final String communityId;
        private long checked;
        private String previousHash = ChainHash.GENESIS;
        private Long badVersion;
        private String reason;
        private boolean sealedUnderV2;

        Walk(String communityId) {
            this.communityId = communityId;
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

        Verification result() {
            return new Verification(communityId, badVersion == null, checked, previousHash, badVersion, reason);
        }
    }
}
