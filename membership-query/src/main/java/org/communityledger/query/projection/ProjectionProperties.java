package org.communityledger.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the projection consumer.
 *
 * @param retries          attempts after the first before a failing record is parked (default 3)
 * @param retryInterval    pause between those attempts (default 500 ms)
 * @param gapRetryInterval pause between attempts while a community waits for a missing event (default 1 s)
 */
@ConfigurationProperties("ledger.projection")
record ProjectionProperties(Long retries, Duration retryInterval, Duration gapRetryInterval) {

    ProjectionProperties {
        retries = retries == null ? 3L : retries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        gapRetryInterval = gapRetryInterval == null ? Duration.ofSeconds(1) : gapRetryInterval;
    }
}
