package org.communityledger.command.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the Kafka publisher.
 *
 * @param batchSize              events read from the store and sent per transaction (default 200)
 * @param segments               segments of the processor; one community always stays in one segment
 *                               (default 1)
 * @param acknowledgementTimeout how long a batch waits for the broker before it is retried (default 30 s)
 */
@ConfigurationProperties("ledger.publisher")
record PublisherProperties(Integer batchSize, Integer segments, Duration acknowledgementTimeout) {

    PublisherProperties {
        batchSize = batchSize == null ? 200 : batchSize;
        segments = segments == null ? 1 : segments;
        acknowledgementTimeout = acknowledgementTimeout == null ? Duration.ofSeconds(30) : acknowledgementTimeout;
    }
}
