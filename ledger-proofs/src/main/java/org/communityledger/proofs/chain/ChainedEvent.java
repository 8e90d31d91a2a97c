package org.communityledger.proofs.chain;

import java.util.Arrays;
import java.util.Objects;

/**
 * An event as stored, with everything its chain hash covers: the fields of the audit export.
 *
 * @param hashVersion    which chain hash sealed it
 * @param eventId        the event's id
 * @param communityId    its community (the aggregate)
 * @param version        the community's version after this event, 1 for the first
 * @param position       its global position in the store
 * @param name           the logical event name, e.g. {@code MemberJoined}
 * @param revision       the payload's revision as stored, decimal, e.g. {@code 2}
 * @param timestamp      the timestamp as stored (ISO-8601 UTC, e.g. {@code 2025-10-19T02:30:00.123Z})
 * @param principal      who caused it (metadata {@code principal})
 * @param correlationId  the request it came from (metadata {@code correlationId})
 * @param idempotencyKey the client's idempotency key, or null when the command had none
 * @param prevHash       the hash of the community's previous event (lowercase hex), {@link ChainHash#GENESIS}
 *                       for the first
 * @param payload        the payload bytes exactly as stored (copied in and out)
 */
public record ChainedEvent(HashVersion hashVersion, String eventId, String communityId, long version, long position,
                           String name, String revision, String timestamp, String principal, String correlationId,
                           String idempotencyKey, String prevHash, byte[] payload) {

    public ChainedEvent {
        Objects.requireNonNull(hashVersion, "hashVersion");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** The payload bytes, not copied: for hashing in this package. */
    byte[] payloadBytes() {
        return payload;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainedEvent that && hashVersion == that.hashVersion
                && Objects.equals(eventId, that.eventId) && Objects.equals(communityId, that.communityId)
                && version == that.version && position == that.position && Objects.equals(name, that.name)
                && Objects.equals(revision, that.revision) && Objects.equals(timestamp, that.timestamp)
                && Objects.equals(principal, that.principal) && Objects.equals(correlationId, that.correlationId)
                && Objects.equals(idempotencyKey, that.idempotencyKey) && Objects.equals(prevHash, that.prevHash)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hashVersion, eventId, communityId, version, position, name, revision, timestamp,
                principal, correlationId, idempotencyKey, prevHash, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "ChainedEvent[" + hashVersion + " " + communityId + " v" + version + " @" + position + " " + name
                + " " + eventId + ", " + payload.length + " payload bytes]";
    }
}
