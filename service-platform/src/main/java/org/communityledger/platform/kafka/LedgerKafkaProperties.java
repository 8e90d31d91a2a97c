package org.communityledger.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the event topics are laid out.
 *
 * @param partitions        partitions of the events topic; the unit of parallelism of the query side (default 6)
 * @param replicationFactor replicas of each partition; 1 for a single local broker, 3 in production (default 1)
 * @param minInsyncReplicas replicas that must have a record before {@code acks=all} acknowledges it (default 2
 *                          where there are 3 or more replicas, else 1)
 * @param requireReplication refuse to start unless records survive the loss of a broker: 3 or more replicas
 *                          and {@code min-insync-replicas} of 2 or more (default false; the cluster profile sets it)
 * @param healthTimeout     how long the health check waits for the cluster to answer (default 2 s)
 */
@ConfigurationProperties("ledger.kafka")
public record LedgerKafkaProperties(Integer partitions, Short replicationFactor, Short minInsyncReplicas,
                                    Boolean requireReplication, Duration healthTimeout) {

    public LedgerKafkaProperties {
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        minInsyncReplicas = minInsyncReplicas == null ? (short) (replicationFactor >= 3 ? 2 : 1) : minInsyncReplicas;
        requireReplication = requireReplication != null && requireReplication;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("ledger.kafka.min-insync-replicas must be between 1 and the replication"
                    + " factor (" + replicationFactor + "), not " + minInsyncReplicas);
        }
        if (requireReplication && (replicationFactor < 3 || minInsyncReplicas < 2)) {
            throw new IllegalArgumentException("ledger.kafka.require-replication is set (the cluster profile), so the"
                    + " events topic needs ledger.kafka.replication-factor of 3 or more and min-insync-replicas of 2"
                    + " or more; configured: " + replicationFactor + " and " + minInsyncReplicas);
        }
    }
}
