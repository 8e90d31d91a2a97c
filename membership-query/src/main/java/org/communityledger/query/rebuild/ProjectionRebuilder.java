package org.communityledger.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.UndecodableEventException;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.query.live.ChangeLogWindow;
import org.communityledger.query.projection.Applied;
import org.communityledger.query.projection.ChangeLogChannel;
import org.communityledger.query.projection.CommunityProjector;
import org.communityledger.query.projection.HeldEvents;
import org.communityledger.query.projection.RecordDecoder;
import org.communityledger.query.projection.ViewsFence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every view from offset 0 of the events topic into a fresh schema while the old views keep
 * answering, then switches readers over at once, for the whole group of query instances.
 *
 * <p>One rebuild runs at a time in the group ({@link RebuildLease}). Phase one reads up to the end offsets,
 * again until little is left, while every instance goes on applying live records to the old views. Phase
 * two is one transaction that takes the {@link ViewsFence} exclusively, so that no instance writes to the
 * views, reads the topic to its end offsets as they stand then, applies the rest, swaps the schemas and
 * wakes every instance's change feed. Writers that waited at the fence go on in the new views, where the
 * per-community versions skip what the rebuild applied: nothing is applied twice or lost at the swap.
 */
@Component
public class ProjectionRebuilder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How long letting go of the lease may take once a rebuild has recorded its end. */
    private static final Duration LEASE_HANDOVER = Duration.ofSeconds(1);
    /** Records per poll, and so per transaction: a rebuild reads a long backlog, where bigger batches pay. */
    private static final String REBUILD_BATCH = "2000";
    /** Phase one goes on until at most this many records remain, so that writers wait briefly at the fence. */
    private static final long LEFT_FOR_THE_FENCE = 2_000;
    /** How often a running rebuild's progress is saved for the other instances to report. */
    private static final Duration SAVE_PROGRESS_EVERY = Duration.ofMillis(500);
    /**
     * This instance's rebuild, for Prometheus: ledger_projection_rebuild_running (1 while it runs here),
     * ledger_projection_rebuild_events_applied and ledger_projection_rebuild_remaining_records.
     */
    static final String REBUILD_RUNNING = "ledger.projection.rebuild.running";
    static final String REBUILD_APPLIED = "ledger.projection.rebuild.events.applied";
    static final String REBUILD_REMAINING = "ledger.projection.rebuild.remaining.records";

    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final RecordDecoder decoder;
    private final CommunityProjector projector;
    private final HeldEvents heldEvents;
    private final ProjectionSchemas schemas;
    private final RebuildLease lease;
    private final RebuildStatusStore statusStore;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ChangeLogWindow changeLogWindow;
    /** One rebuild at a time on this instance (the lease keeps it to one in the group). */
    private final ThreadPoolTaskExecutor worker;
    private final Progress progress = new Progress();
    private volatile RebuildStatus localStatus;
    private Instant progressSavedAt = Instant.EPOCH;

    ProjectionRebuilder(ConsumerFactory<String, byte[]> consumerFactory, RecordDecoder decoder,
                        CommunityProjector projector, HeldEvents heldEvents, ProjectionSchemas schemas, RebuildLease lease,
                        RebuildStatusStore statusStore, TransactionTemplate transactions, JdbcClient jdbc,
                        ChangeLogWindow changeLogWindow, MeterRegistry meters, ThreadPoolTaskExecutorBuilder executors) {
        this.consumerFactory = consumerFactory;
        this.decoder = decoder;
        this.projector = projector;
        this.heldEvents = heldEvents;
        this.schemas = schemas;
        this.lease = lease;
        this.statusStore = statusStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.changeLogWindow = changeLogWindow;
        Gauge.builder(REBUILD_RUNNING, this, rebuilder -> rebuilder.runningHere() ? 1 : 0).register(meters);
        Gauge.builder(REBUILD_APPLIED, this, rebuilder -> rebuilder.runningHere() ? rebuilder.localStatus.eventsApplied()
                : 0).register(meters);
        Gauge.builder(REBUILD_REMAINING, this, rebuilder -> rebuilder.runningHere() ? rebuilder.localStatus.lag()
                : 0).register(meters);
        this.worker = executors.corePoolSize(1).maxPoolSize(1).threadNamePrefix("projection-rebuild-").build();
        worker.setDaemon(true);
        worker.initialize();
    }

    /** Starts a rebuild in the background; answers false when one is already running in the group. */
    public synchronized boolean start() {
        RebuildLease.Held held = acquireLease();
        if (held == null) {
            return false;
        }
        progress.reset();
        publish(progress.status(RebuildState.BUILDING, Map.of()), true);
        worker.execute(() -> {
            try (held) {
                // Recorded while the lease is held: another instance that sees a rebuild recorded as running
                // without a holder may then take it as cut short, never as merely finishing.
                publish(rebuild(), true);
            }
        });
        return true;
    }

    /**
     * The lease, or null while a rebuild runs in the group. A rebuild that has just recorded its end holds the
     * lease for the moment it takes to let go of it: whoever saw it finished and starts the next one at once waits
     * that moment out (at most {@link #LEASE_HANDOVER}) instead of being refused.
     */
    private RebuildLease.Held acquireLease() {
        RebuildLease.Held held = lease.tryAcquire();
        long deadline = System.nanoTime() + LEASE_HANDOVER.toNanos();
        while (held == null && System.nanoTime() < deadline && lastRecordedFinished()) {
            try {
                Thread.sleep(LEASE_HANDOVER.toMillis() / 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            held = lease.tryAcquire();
        }
        return held;
    }

    private boolean lastRecordedFinished() {
        return statusStore.latest().map(status -> !status.state().running()).orElse(true);
    }

    /**
     * The group's rebuild as the instance running it last saved it. A rebuild recorded as running whose
     * lease nobody holds was cut short when its instance stopped.
     */
    public RebuildStatus status() {
        RebuildStatus mine = localStatus;
        if (mine != null && mine.state().running()) {
            return mine;
        }
        RebuildStatus saved = statusStore.latest().orElse(RebuildStatus.idle());
        if (saved.state().running() && !lease.isHeld()) {
            return new RebuildStatus(RebuildState.FAILED, saved.startedAt(), null, saved.eventsApplied(),
                    saved.eventsPerSecond(), saved.positionReached(), Map.of(), null,
                    "the query instance running the rebuild stopped; the old views stay in place");
        }
        return saved;
    }

    private boolean runningHere() {
        RebuildStatus mine = localStatus;
        return mine != null && mine.state().running();
    }

    private static Properties rebuildConsumerProperties() {
        Properties properties = new Properties();
        properties.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, REBUILD_BATCH);
        return properties;
    }

    private RebuildStatus rebuild() {
        try (Consumer<String, byte[]> consumer = consumerFactory.createConsumer("projection-rebuild", "rebuild",
                null, rebuildConsumerProperties())) {
            schemas.createRebuildSchema();
            long changeLogFrom = changeLogWindow.firstPositionToRecord();
            List<TopicPartition> partitions = consumer.partitionsFor(WireFormat.TOPIC).stream()
                    .map(PartitionInfo::partition)
                    .map(partition -> new TopicPartition(WireFormat.TOPIC, partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            long left;
            do {
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                readUntil(consumer, ends, RebuildState.BUILDING, changeLogFrom);
                left = remaining(consumer, consumer.endOffsets(partitions)).values().stream()
                        .mapToLong(Long::longValue).sum();
            } while (left > LEFT_FOR_THE_FENCE);
            transactions.executeWithoutResult(tx -> catchUpAndSwitch(consumer, partitions, changeLogFrom));
            log.info("Projections rebuilt from offset 0: {} events at {} events/s", progress.applied,
                    String.format("%.0f", progress.rate()));
            return progress.finished(RebuildState.SWITCHED, null);
        } catch (RuntimeException e) {
            // The status answer gets the kind of failure and a reference; the message, which quotes SQL, the log.
            RebuildFailure failure = RebuildFailure.of(e);
            log.error("Projection rebuild failed ({}); the old views stay in place", failure.reference(), e);
            try {
                schemas.dropRebuildSchema();
            } catch (RuntimeException dropFailed) {
                log.warn("The failed rebuild's schema stays until the next rebuild: {}", dropFailed.getMessage());
            }
            return progress.finished(RebuildState.FAILED, failure.error());
        }
    }

    /** Phase two, in one transaction that holds every instance's writers at the fence until it commits. */
    private void catchUpAndSwitch(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                  long changeLogFrom) {
        jdbc.sql("select pg_advisory_xact_lock(:fence)").param("fence", ViewsFence.KEY).query(rs -> {
        });
        readUntil(consumer, consumer.endOffsets(partitions), RebuildState.CATCHING_UP, changeLogFrom);
        schemas.switchToRebuilt();
        // Wakes every instance's change feed at commit, to tell its stream clients to reload.
        jdbc.sql("select pg_notify(:channel, 'views-replaced')").param("channel", ChangeLogChannel.NAME).query(rs -> {
        });
    }

    /** Applies what the topic holds up to the targets, recording changes from {@code changeLogFrom} on. */
    private void readUntil(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> targets, RebuildState phase,
                           long changeLogFrom) {
        while (true) {
            Map<TopicPartition, Long> lag = remaining(consumer, targets);
            publish(progress.status(phase, byPartition(lag)), false);
            if (lag.values().stream().allMatch(left -> left == 0)) {
                return;
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                applyBatch(records, changeLogFrom);
            }
        }
    }

    private static Map<TopicPartition, Long> remaining(Consumer<String, byte[]> consumer,
                                                       Map<TopicPartition, Long> targets) {
        Map<TopicPartition, Long> lag = new HashMap<>();
        targets.forEach((partition, end) -> lag.put(partition, Math.max(0, end - consumer.position(partition))));
        return lag;
    }

    /** One transaction per batch (or the caller's), in the rebuild schema. */
    private void applyBatch(ConsumerRecords<String, byte[]> records, long changeLogFrom) {
        transactions.executeWithoutResult(tx -> {
            schemas.useRebuildSchemaInThisTransaction();
            List<EventEnvelope> envelopes = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    envelopes.add(decoder.decode(record));
                } catch (UndecodableEventException e) {
                    // Parked in the dead-letter topic by live consumption already; nothing to apply.
                    progress.skipped++;
                }
            }
            List<Applied> results = projector.applyAll(envelopes, changeLogFrom);
            for (int index = 0; index < results.size(); index++) {
                if (results.get(index) == Applied.HEALED) {
                    heldEvents.releaseInThisTransaction(envelopes.get(index).communityId());
                }
            }
            envelopes.forEach(envelope -> progress.applied(envelope.position()));
        });
    }

    /**
     * Saves the status for the group (always when told, else at most every half second), then takes it as this
     * instance's. In that order: between the two, another reader must not find this instance's status finished
     * while the group's saved one still says running with no lease held, which reads as a rebuild cut short.
     */
    private void publish(RebuildStatus status, boolean always) {
        Instant now = Instant.now();
        if (always || Duration.between(progressSavedAt, now).compareTo(SAVE_PROGRESS_EVERY) >= 0) {
            try {
                statusStore.save(status);
                progressSavedAt = now;
            } catch (RuntimeException e) {
                log.warn("Could not save the rebuild's progress for the other instances: {}", e.getMessage());
            }
        }
        localStatus = status;
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> lag) {
        Map<Integer, Long> result = new java.util.TreeMap<>();
        lag.forEach((partition, remaining) -> result.put(partition.partition(), remaining));
        return result;
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }

    /** Counters of the running rebuild, read by the status endpoint. */
    private static final class Progress {
        private Instant startedAt;
        private volatile long applied;
        private volatile long skipped;
        private volatile long positionReached;

        void reset() {
            startedAt = Instant.now();
            applied = 0;
            skipped = 0;
            positionReached = 0;
        }

        void applied(long position) {
            applied++;
            positionReached = Math.max(positionReached, position);
        }

        double rate() {
            double seconds = Math.max(0.001, Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
            return applied / seconds;
        }

        /** The status while running; no partition's lag is known yet when {@code lagByPartition} is empty. */
        RebuildStatus status(RebuildState state, Map<Integer, Long> lagByPartition) {
            double rate = rate();
            long remaining = lagByPartition.values().stream().mapToLong(Long::longValue).sum();
            Long eta = lagByPartition.isEmpty() || rate < 1 ? null : Math.round(remaining / rate);
            return new RebuildStatus(state, startedAt, null, applied, rate, positionReached, lagByPartition, eta,
                    null);
        }

        RebuildStatus finished(RebuildState state, String error) {
            return new RebuildStatus(state, startedAt, Instant.now(), applied, rate(), positionReached, Map.of(), 0L,
                    error);
        }
    }
}
