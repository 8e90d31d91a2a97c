package org.communityledger.query.rebuild;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * Where a projection rebuild stands.
 *
 * @param state           where the rebuild stands
 * @param eventsApplied   events applied to the new views so far
 * @param eventsPerSecond the rebuild's rate since it started
 * @param positionReached the highest global position applied to the new views
 * @param lagByPartition  records still to read, per partition of the events topic
 * @param etaSeconds      estimated seconds until the new views catch up, or null while unknown
 * @param error           why it failed, when it did: the kind of failure and a reference to this service's log
 *                        ({@link RebuildFailure}), never an exception's text, which may quote SQL
 */
// The total is answered and stored but never read back: it is always the sum of the partitions' lag.
@JsonIgnoreProperties(value = "lag", allowGetters = true)
public record RebuildStatus(
        RebuildState state,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        double eventsPerSecond,
        long positionReached,
        Map<Integer, Long> lagByPartition,
        Long etaSeconds,
        String error) {

    static RebuildStatus idle() {
        return new RebuildStatus(RebuildState.IDLE, null, null, 0, 0, 0, Map.of(), null, null);
    }

    /** Records still to read, all partitions together. */
    @JsonProperty("lag")
    public long lag() {
        return lagByPartition.values().stream().mapToLong(Long::longValue).sum();
    }
}
