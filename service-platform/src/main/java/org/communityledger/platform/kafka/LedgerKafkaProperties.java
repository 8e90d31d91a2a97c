package org.communityledger.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record LedgerKafkaProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
                                    Short minInsyncReplicas, @DefaultValue("false") boolean requireReplication,
                                    @DefaultValue("2s") Duration healthTimeout) {

    public LedgerKafkaProperties {
        minInsyncReplicas = minInsyncReplicas == null ? (short) (replicationFactor >= 3 ? 2 : 1) : minInsyncReplicas;
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
