package org.communityledger.command.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.communityledger.command.dispatch.CommandMetadata;
import org.communityledger.proofs.chain.ChainedEvent;
import org.communityledger.proofs.chain.HashVersion;

/**
 * The fields of a stored event's metadata that its seal covers or is: hash version, principal, correlation id,
 * idempotency key, prevHash and hash. Read with a streaming parser that looks at top-level string fields only,
 * which keeps verifying a long log fast.
 *
 * @param readable   whether the metadata is a well-formed JSON object; if not, every other field is null
 * @param hashTag    the {@code hashVersion} tag, null for an event sealed under v1
 */
public record SealedFields(boolean readable, String hashTag, String principal, String correlationId,
                           String idempotencyKey, String prevHash, String hash) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final SealedFields UNREADABLE = new SealedFields(false, null, null, null, null, null, null);

    /** Reads the fields from stored metadata bytes (JSON); unreadable or absent metadata has none. */
    public static SealedFields read(byte[] metaData) {
        if (metaData == null) {
            return UNREADABLE;
        }
        String tag = null;
        String principal = null;
        String correlationId = null;
        String idempotencyKey = null;
        String prevHash = null;
        String hash = null;
        try (JsonParser parser = JSON.createParser(metaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return UNREADABLE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                    continue;
                }
                String value = parser.getText();
                switch (field) {
                    case LedgerMetadata.HASH_VERSION -> tag = value;
                    case CommandMetadata.PRINCIPAL -> principal = value;
                    case CommandMetadata.CORRELATION_ID -> correlationId = value;
                    case CommandMetadata.IDEMPOTENCY_KEY -> idempotencyKey = value;
                    case LedgerMetadata.PREV_HASH -> prevHash = value;
                    case LedgerMetadata.HASH -> hash = value;
                    default -> {
                        // Not part of the seal.
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return UNREADABLE;
            }
        } catch (IOException e) {
            return UNREADABLE;
        }
        return new SealedFields(true, tag, principal, correlationId, idempotencyKey, prevHash, hash);
    }

    /** Whether the metadata names a seal: both hashes present. */
    public boolean sealed() {
        return prevHash != null && hash != null;
    }

    /**
     * The hash version the event names.
     *
     * @throws IllegalArgumentException for a tag no version has
     */
    public HashVersion hashVersion() {
        return HashVersion.ofTag(hashTag);
    }

    /** The event with these fields, as the chain hash sees it, with the previous hash it claims. */
    public ChainedEvent chainedEvent(long position, String eventId, String communityId, long version, String name,
                                     String revision, String timestamp, byte[] payload) {
        return new ChainedEvent(hashVersion(), eventId, communityId, version, position, name, revision, timestamp,
                principal, correlationId, idempotencyKey, prevHash, payload);
    }
}
