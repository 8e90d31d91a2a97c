package org.communityledger.client.deadletter;

import java.time.Instant;

/**
 * A record the projection parked, and what became of it.
 *
 * @param status     {@link #PARKED}, {@link #REPLAYED} or {@link #DISCARDED}
 * @param reasonKind {@code unreadable} (the query service cannot read it) or {@code not-applicable} (read, but
 *                   every attempt to apply it failed)
 * @param version    the event's version in its community, when the record could be read
 * @param position   the event's global position, when the record could be read
 * @param topic      where it was read from; null for a held event that failed when its turn came
 * @param resolution why it was discarded, or what its replay did
 */
public record DeadLetter(long id, String status, String reasonKind, String reason, String communityId, Long version,
                         Long position, String topic, Integer partition, Long offset, Instant parkedAt,
                         Instant resolvedAt, String resolvedBy, String resolution) {

    public static final String PARKED = "PARKED";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";
}
