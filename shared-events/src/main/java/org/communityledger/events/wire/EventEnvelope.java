package org.communityledger.events.wire;

import java.time.Instant;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.value.CommunityId;

/**
 * An event with the facts of its recording.
 *
 * @param eventId       unique id of the event, stable across republishing
 * @param sequence      the community's version after this event: 1 for its first event, then 2, 3, …
 * @param position      the global position of the event in the event store (increasing, may have gaps)
 * @param timestamp     when the event was recorded
 * @param correlationId the correlation id of the command that caused it
 * @param hash          the event's chain hash, or null where the record carries none
 * @param prevHash      the chain hash of the community's previous event, or null where the record carries none
 */
public record EventEnvelope(
        String eventId,
        CommunityId communityId,
        long sequence,
        long position,
        Instant timestamp,
        String correlationId,
        CommunityEvent event,
        String hash,
        String prevHash) {

    /** An envelope without its chain hashes (events made up in tests and tools). */
    public EventEnvelope(String eventId, CommunityId communityId, long sequence, long position, Instant timestamp,
                         String correlationId, CommunityEvent event) {
        this(eventId, communityId, sequence, position, timestamp, correlationId, event, null, null);
    }

    public EventType type() {
        return EventTypes.of(event.getClass());
    }
}
