package org.communityledger.query.projection;

import java.time.Instant;

/**
 * A record the projection parked, and what became of it.
 *
 * @param status     PARKED, REPLAYED or DISCARDED
 * @param reasonKind {@code unreadable} (this side cannot read it), {@code forged} (not signed by the ledger's
 *                   key) or {@code not-applicable} (read, but it failed every attempt to apply it)
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
