package org.communityledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.communityledger.command.ledger.HashChain;
import org.communityledger.command.ledger.LedgerMetadata;
import org.springframework.stereotype.Component;

/**
 * Recomputes a community's hash chain from the stored bytes and names the first event that does not fit:
 * a missing or repeated version, a prevHash that is not the previous event's hash, or a hash that does not
 * match the event's content.
 */
@Component
class ChainVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        private String previousHash = HashChain.GENESIS;
        private Long badVersion;
        private String reason;

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
            JsonNode metaData = metaData(event);
            String storedPrevHash = text(metaData, LedgerMetadata.PREV_HASH);
            String storedHash = text(metaData, LedgerMetadata.HASH);
            if (storedHash == null || storedPrevHash == null) {
                fail(event.version(), "the event carries no seal (prevHash and hash)");
                return;
            }
            if (!storedPrevHash.equals(previousHash)) {
                fail(event.version(), "its prevHash is not the hash of version " + checked
                        + ": an event before it was removed, replaced or reordered");
                return;
            }
            String recomputed = HashChain.hash(event.communityId(), event.version(), event.name(), event.revision(),
                    event.timestamp(), storedPrevHash, event.payload());
            if (!recomputed.equals(storedHash)) {
                fail(event.version(), "its content does not match its hash: the event was altered");
                return;
            }
            previousHash = recomputed;
            checked++;
        }

        private void fail(long version, String why) {
            badVersion = version;
            reason = "version " + version + ": " + why;
        }

        Verification result() {
            return new Verification(communityId, badVersion == null, checked, previousHash, badVersion, reason);
        }

        private static JsonNode metaData(StoredEvent event) {
            try {
                return event.metaData() == null ? JSON.createObjectNode() : JSON.readTree(event.metaData());
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
