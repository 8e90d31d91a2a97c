package org.communityledger.client.rebuild;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the group's rebuild stands.
 *
 * @param eventsApplied   events applied to the new views so far
 * @param eventsPerSecond the rebuild's rate since it started
 * @param positionReached the highest global position applied to the new views
 * @param lagByPartition  records still to read, per partition of the events topic
 * @param lag             records still to read, all partitions together
 * @param etaSeconds      estimated seconds until the new views catch up, or null while unknown
 * @param error           why it failed, when it did: the kind of failure and a reference to the service's log,
 *                        never the database's own message
 */
public record RebuildStatus(
        RebuildState state,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        double eventsPerSecond,
        long positionReached,
        Map<Integer, Long> lagByPartition,
        long lag,
        Long etaSeconds,
        String error) {

    public RebuildStatus {
        state = state == null ? RebuildState.UNKNOWN : state;
        lagByPartition = lagByPartition == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(lagByPartition));
    }

    /** How much of the work is done, from 0 to 1: applied against applied plus still to read. */
    public double fractionDone() {
        if (state == RebuildState.SWITCHED) {
            return 1;
        }
        long total = eventsApplied + lag;
        return total == 0 ? 0 : (double) eventsApplied / total;
    }
}
