package org.communityledger.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.UndecodableEventException;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.query.projection.CommunityProjector;
import org.communityledger.query.projection.LiveConsumption;
import org.communityledger.query.projection.RecordDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every view from offset 0 of the events topic into a fresh schema while the old views keep
 * answering, then switches readers over at once.
 *
 * <p>Phase one reads up to the end offsets seen at the start, with live consumption still running. Phase
 * two stops live consumption, reads what arrived meanwhile, switches the schemas and restarts live
 * consumption, which resumes from its own offsets: events it then sees again are skipped by the
 * per-community versions of the new views, so nothing is applied twice or missed.
 */
@Component
public class ProjectionRebuilder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Records per poll, and so per transaction: a rebuild reads a long backlog, where bigger batches pay. */
    private static final String REBUILD_BATCH = "2000";

    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final RecordDecoder decoder;
    private final CommunityProjector projector;
    private final ProjectionSchemas schemas;
    private final LiveConsumption liveConsumption;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private final Progress progress = new Progress();

    ProjectionRebuilder(ConsumerFactory<String, byte[]> consumerFactory, RecordDecoder decoder,
                        CommunityProjector projector, ProjectionSchemas schemas, LiveConsumption liveConsumption,
                        TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.consumerFactory = consumerFactory;
        this.decoder = decoder;
        this.projector = projector;
        this.schemas = schemas;
        this.liveConsumption = liveConsumption;
        this.transactions = transactions;
        this.events = events;
    }

    /** Starts a rebuild in the background; answers false when one is already running. */
    public synchronized boolean start() {
        String state = status.get().state();
        if (state.equals("BUILDING") || state.equals("CATCHING_UP")) {
            return false;
        }
        progress.reset();
        status.set(progress.status("BUILDING", Map.of(), null));
        worker.execute(this::rebuild);
        return true;
    }

    public RebuildStatus status() {
        return status.get();
    }

    private static Properties rebuildConsumerProperties() {
        Properties properties = new Properties();
        properties.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, REBUILD_BATCH);
        return properties;
    }

    private void rebuild() {
        boolean liveStopped = false;
        try (Consumer<String, byte[]> consumer = consumerFactory.createConsumer("projection-rebuild", "rebuild",
                null, rebuildConsumerProperties())) {
            schemas.createRebuildSchema();
            List<TopicPartition> partitions = consumer.partitionsFor(WireFormat.TOPIC).stream()
                    .map(PartitionInfo::partition)
                    .map(partition -> new TopicPartition(WireFormat.TOPIC, partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            readUntil(consumer, consumer.endOffsets(partitions), "BUILDING");
            liveConsumption.stop();
            liveStopped = true;
            readUntil(consumer, consumer.endOffsets(partitions), "CATCHING_UP");
            switchViews();
            status.set(progress.finished("SWITCHED", null));
            log.info("Projections rebuilt from offset 0: {} events at {} events/s", progress.applied,
                    String.format("%.0f", progress.rate()));
        } catch (RuntimeException e) {
            log.error("Projection rebuild failed; the old views stay in place", e);
            status.set(progress.finished("FAILED", e.getMessage()));
            schemas.dropRebuildSchema();
        } finally {
            if (liveStopped) {
                liveConsumption.start();
            }
        }
    }

    /** Stream clients wait while the schemas are swapped (see {@link ViewsSwitching}). */
    private void switchViews() {
        boolean switched = false;
        events.publishEvent(new ViewsSwitching());
        try {
            schemas.switchToRebuilt();
            switched = true;
        } finally {
            events.publishEvent(new ViewsReplaced(switched));
        }
    }

    private void readUntil(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> targets, String phase) {
        while (true) {
            Map<TopicPartition, Long> lag = new HashMap<>();
            targets.forEach((partition, end) -> lag.put(partition, Math.max(0, end - consumer.position(partition))));
            status.set(progress.status(phase, byPartition(lag), lag.values().stream().mapToLong(Long::longValue).sum()));
            if (lag.values().stream().allMatch(remaining -> remaining == 0)) {
                return;
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                applyBatch(records, targets);
            }
        }
    }

    /** One transaction per batch, in the rebuild schema. */
    private void applyBatch(ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> targets) {
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
            projector.applyAll(envelopes);
            envelopes.forEach(envelope -> progress.applied(envelope.position()));
        });
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> lag) {
        Map<Integer, Long> result = new java.util.TreeMap<>();
        lag.forEach((partition, remaining) -> result.put(partition.partition(), remaining));
        return result;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
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

        RebuildStatus status(String state, Map<Integer, Long> lagByPartition, Long lag) {
            long remaining = lag == null ? 0 : lag;
            double rate = rate();
            Long eta = lag == null || rate < 1 ? null : Math.round(remaining / rate);
            return new RebuildStatus(state, startedAt, null, applied, rate, positionReached, lagByPartition,
                    remaining, eta, null);
        }

        RebuildStatus finished(String state, String error) {
            return new RebuildStatus(state, startedAt, Instant.now(), applied, rate(), positionReached, Map.of(), 0,
                    0L, error);
        }
    }
}
