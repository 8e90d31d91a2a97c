package org.communityledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.communityledger.events.value.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps quarantined communities and parked records in sight: read every few seconds for the health
 * component {@code quarantine} (DEGRADED, naming the communities, while any is quarantined), the metrics, and
 * an error log repeated at an interval for as long as a community stays quarantined. The same pass releases
 * held events whose turn has come but were not released at once (their instance stopped, or the database
 * failed meanwhile).
 *
 * <p>Prometheus: ledger_projection_communities_quarantined, ledger_projection_events_held and
 * ledger_projection_dead_letters{reason} (records parked and neither replayed nor discarded).
 */
@Component("quarantine")
public class QuarantineWatch extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "some communities' views have stopped");
    static final String QUARANTINED = "ledger.projection.communities.quarantined";
    static final String HELD = "ledger.projection.events.held";
    static final String DEAD_LETTERS = "ledger.projection.dead.letters";
    private static final int HEALTH_LIST_LIMIT = 20;
    private static final Logger log = LoggerFactory.getLogger(QuarantineWatch.class);

    private final JdbcClient jdbc;
    private final DeadLetterStore deadLetters;
    private final HeldEvents heldEvents;
    private final ProjectionProperties properties;
    private final MeterRegistry meters;
    private final Map<String, Long> parkedByReason = new ConcurrentHashMap<>();
    private volatile List<Quarantine> quarantined = List.of();
    private volatile boolean checked;
    private volatile boolean recordsArrived;
    private volatile long checkedAtNanos;
    private Instant loggedAt = Instant.EPOCH;

    QuarantineWatch(JdbcClient jdbc, DeadLetterStore deadLetters, HeldEvents heldEvents,
                    ProjectionProperties properties, MeterRegistry meters) {
        super("Quarantine check failed");
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.heldEvents = heldEvents;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder(QUARANTINED, this, watch -> watch.quarantined.size())
                .description("communities whose views wait for a missing or parked event").register(meters);
        Gauge.builder(HELD, this, watch -> watch.quarantined.stream().mapToLong(Quarantine::heldEvents).sum())
                .description("events held behind a missing or parked one").register(meters);
        for (String reason : List.of(Parking.UNREADABLE, Parking.NOT_APPLICABLE)) {
            parkedGauge(reason);
        }
    }

    /** The quarantined communities as they stand now, oldest first. */
    public List<Quarantine> current() {
        return jdbc.sql("""
                        select q.community_id, q.missing_version, count(h.version), q.since, q.reason
                        from quarantine q left join held_event h on h.community_id = q.community_id
                        group by q.community_id
                        order by q.since, q.community_id""")
                .query((rs, row) -> new Quarantine(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** Told by the consumer that records arrived: a check is due at the next tick. */
    void recordsArrived() {
        recordsArrived = true;
    }

    /**
     * Runs every few seconds, but reads only while something is quarantined or parked, after records arrived,
     * or once per {@code quarantineIdleCheckInterval}: a read is three statements, and reading every five seconds
     * while nothing happened was a third of what an idle query service asked of PostgreSQL.
     */
    @Scheduled(fixedDelayString = "${ledger.projection.quarantine-check-interval:PT5S}")
    void checkWhenDue() {
        boolean somethingStopped = !quarantined.isEmpty() || parkedByReason.values().stream().anyMatch(n -> n > 0);
        boolean arrived = recordsArrived;
        recordsArrived = false;
        if (!checked || somethingStopped || arrived || System.nanoTime() - checkedAtNanos
                >= properties.quarantineIdleCheckInterval().toNanos()) {
            check();
        }
    }

    void check() {
        checkedAtNanos = System.nanoTime();
        List<Quarantine> now;
        Map<String, Long> parked;
        try {
            now = current();
            parked = deadLetters.parkedByReason();
        } catch (RuntimeException e) {
            // The database's own health component says why; the figures keep their last values.
            log.debug("Quarantine not checked this time: {}", e.getMessage());
            return;
        }
        quarantined = now;
        parked.keySet().forEach(this::parkedGauge);
        parkedByReason.replaceAll((reason, count) -> parked.getOrDefault(reason, 0L));
        checked = true;
        now.forEach(quarantine -> heldEvents.release(CommunityId.of(quarantine.communityId())));
        logStillQuarantined(now);
    }

    private void logStillQuarantined(List<Quarantine> now) {
        Instant at = Instant.now();
        if (now.isEmpty() || Duration.between(loggedAt, at).compareTo(properties.quarantineLogInterval()) < 0) {
            return;
        }
        loggedAt = at;
        now.forEach(quarantine -> log.error(
                "Community {} is quarantined since {}: its views stop before version {}, {} later events held ({})."
                        + " Fix the cause, then replay its dead letter: ./ledger dlt list --community {}",
                quarantine.communityId(), quarantine.since(), quarantine.missingVersion(), quarantine.heldEvents(),
                quarantine.reason(), quarantine.communityId()));
    }

    private void parkedGauge(String reason) {
        parkedByReason.computeIfAbsent(reason, key -> {
            Gauge.builder(DEAD_LETTERS, parkedByReason, counts -> counts.getOrDefault(key, 0L)).tag("reason", key)
                    .description("records parked and neither replayed nor discarded").register(meters);
            return 0L;
        });
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!checked) {
            builder.unknown().withDetail("reason", "not checked yet");
        } else if (quarantined.isEmpty()) {
            builder.up();
        } else {
            // Anyone may read health: the communities and versions only, never a failure's text (that is in the
            // dead letters, for ADMIN), and not thousands of them.
            builder.status(DEGRADED).withDetail("quarantined", quarantined.size())
                    .withDetail("communities", quarantined.stream().limit(HEALTH_LIST_LIMIT)
                            .map(quarantine -> Map.of("communityId", quarantine.communityId(),
                                    "missingVersion", quarantine.missingVersion(),
                                    "heldEvents", quarantine.heldEvents(), "since", quarantine.since()))
                            .toList());
        }
    }
}
