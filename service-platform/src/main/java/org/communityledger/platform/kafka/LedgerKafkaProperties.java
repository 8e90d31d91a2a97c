package org.communityledger.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the event topics are laid out.
 *
 * @param partitions        partitions of the events topic; the unit of parallelism of the query side (default 6)
 * @param replicationFactor replicas of each partition; 1 for a single local broker, 3 in production (default 1)
 * @param healthTimeout     how long the health check waits for the cluster to answer (default 2 s)
 */
@ConfigurationProperties("ledger.kafka")
public record LedgerKafkaProperties(Integer partitions, Short replicationFactor, Duration healthTimeout) {

    public LedgerKafkaProperties {
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
    }
}
