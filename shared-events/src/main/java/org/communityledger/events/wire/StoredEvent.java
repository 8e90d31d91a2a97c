package org.communityledger.events.wire;

import java.time.Instant;
import java.util.Objects;
import org.communityledger.events.value.CommunityId;

/**
 * An event as the event store holds it, not decoded: its JSON at its type's current revision, with the facts of
 * its recording. The publisher sends such JSON as it is; decoding it only to encode it again was a fifth of the
 * publisher's CPU (docs/benchmarks.md).
 *
 * @param type the event's logical name and revision; {@code json} must be of that revision
 * @param json the event in the contract's JSON form
 * @see EventEnvelope for the other facts
 */
public record StoredEvent(
        EventType type,
        byte[] json,
        String eventId,
        CommunityId communityId,
        long sequence,
        long position,
        Instant timestamp,
        String correlationId,
        String hash,
        String prevHash) {

    public StoredEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(communityId, "communityId");
    }
}
