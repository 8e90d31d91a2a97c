package org.communityledger.command.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    private static final JsonFactory JSON = new JsonFactory();

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
            Seal seal = Seal.read(event.metaData());
            String storedPrevHash = seal.prevHash();
            String storedHash = seal.hash();
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
    }

    /**
     * The seal fields of an event's metadata, read with a streaming parser: only the two top-level fields
     * are looked at, which keeps verification fast on long logs. Unreadable metadata has no seal.
     */
    private record Seal(String prevHash, String hash) {

        static Seal read(byte[] metaData) {
            if (metaData == null) {
                return new Seal(null, null);
            }
            String prevHash = null;
            String hash = null;
            try (JsonParser parser = JSON.createParser(metaData)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return new Seal(null, null);
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING && LedgerMetadata.HASH.equals(field)) {
                        hash = parser.getText();
                    } else if (value == JsonToken.VALUE_STRING && LedgerMetadata.PREV_HASH.equals(field)) {
                        prevHash = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                return new Seal(null, null);
            }
            return new Seal(prevHash, hash);
        }
    }
}
