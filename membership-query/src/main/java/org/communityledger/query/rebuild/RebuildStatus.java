package org.communityledger.query.rebuild;

import java.time.Instant;
import java.util.Map;

/**
 * Where a projection rebuild stands.
 *
 * @param state           IDLE, BUILDING (from offset 0 while the old views answer), CATCHING_UP (live
 *                        consumption paused, the last records applied), SWITCHED, or FAILED
 * @param eventsApplied   events applied to the new views so far
 * @param eventsPerSecond the rebuild's rate since it started
 * @param positionReached the highest global position applied to the new views
 * @param lagByPartition  records still to read, per partition of the events topic
 * @param etaSeconds      estimated seconds until the new views catch up, or null while unknown
 */
public record RebuildStatus(
        String state,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        double eventsPerSecond,
        long positionReached,
        Map<Integer, Long> lagByPartition,
        long lag,
        Long etaSeconds,
        String error) {

    static RebuildStatus idle() {
        return new RebuildStatus("IDLE", null, null, 0, 0, 0, Map.of(), 0, null, null);
    }
}
