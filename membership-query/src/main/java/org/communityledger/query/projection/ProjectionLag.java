package org.communityledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.communityledger.events.wire.WireFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far the group's views are behind the topic, per partition, as Kafka sees it: the records between the
 * group's committed offset and the partition's end, and how long the oldest of them has waited. Read through
 * the admin client, so the figures hold whichever instance owns a partition, and also when its consumer is
 * stuck or gone. The age is the time since the partition's end first went past the committed offset, as
 * seen by these checks (so it is exact to one check interval).
 *
 * <p>Prometheus: ledger_projection_lag_records{partition} and ledger_projection_lag_seconds{partition}.
 */
@Component
class ProjectionLag {

    static final String LAG_RECORDS = "ledger.projection.lag.records";
    static final String LAG_SECONDS = "ledger.projection.lag.seconds";
    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 5;

    private final AdminClient admin;
    private final String groupId;
    private final MeterRegistry meters;
    private final Map<Integer, PartitionLag> partitions = new ConcurrentHashMap<>();

    ProjectionLag(AdminClient ledgerHealthAdminClient, @Value("${spring.kafka.consumer.group-id}") String groupId,
                  MeterRegistry meters) {
        this.admin = ledgerHealthAdminClient;
        this.groupId = groupId;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${ledger.projection.lag-check-interval:PT5S}")
    void check() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(WireFormat.TOPIC))
                    .allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(WireFormat.TOPIC).partitions()
                    .stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(WireFormat.TOPIC, info.partition()),
                            info -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Instant now = Instant.now();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata offset = committed.get(partition);
                partitionLag(partition.partition()).seen(end.offset(), offset == null ? 0 : offset.offset(), now);
            });
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The figures keep their last values; Kafka's own health check says why it cannot be reached.
            log.debug("Projection lag not read this time: {}", e.getMessage());
        }
    }

    private PartitionLag partitionLag(int partition) {
        return partitions.computeIfAbsent(partition, number -> {
            PartitionLag lag = new PartitionLag();
            Gauge.builder(LAG_RECORDS, lag, PartitionLag::records).tag("partition", Integer.toString(number))
                    .description("records on the topic not yet applied to the views").register(meters);
            Gauge.builder(LAG_SECONDS, lag, PartitionLag::seconds).tag("partition", Integer.toString(number))
                    .description("how long the oldest record not yet applied has waited").baseUnit("seconds")
                    .register(meters);
            return lag;
        });
    }

    /** One partition's lag, with the times its end offsets were first seen, to age the oldest unapplied one. */
    private static final class PartitionLag {
        private final NavigableMap<Long, Instant> endFirstSeen = new TreeMap<>();
        private volatile long records;
        private volatile Instant oldestWaitingSince;

        synchronized void seen(long end, long committed, Instant now) {
            records = Math.max(0, end - committed);
            endFirstSeen.putIfAbsent(end, now);
            // Ends at or below the committed offset are applied; the first end above it dates the oldest record.
            endFirstSeen.headMap(committed, true).clear();
            oldestWaitingSince = records == 0 || endFirstSeen.isEmpty() ? null : endFirstSeen.firstEntry().getValue();
        }

        double records() {
            return records;
        }

        double seconds() {
            Instant since = oldestWaitingSince;
            return since == null ? 0 : Duration.between(since, Instant.now()).toMillis() / 1000.0;
        }
    }
}
