package org.communityledger.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the projection consumer.
 *
 * @param retries               attempts after the first before a record that fails for a reason of its own is
 *                              parked (default 3)
 * @param retryInterval         pause between those attempts, and the first pause after a transient failure
 *                              (default 500 ms)
 * @param transientRetryCeiling the longest pause between attempts while a transient failure lasts; the pause
 *                              doubles up to it (default 10 s)
 * @param quarantineCheckInterval how often the quarantined communities and parked records are read for health,
 *                              metrics and the error log, and held events released (default 5 s)
 * @param quarantineLogInterval how often the error log names every community still quarantined (default 1 min)
 */
@ConfigurationProperties("ledger.projection")
record ProjectionProperties(Long retries, Duration retryInterval, Duration transientRetryCeiling,
                            Duration quarantineCheckInterval, Duration quarantineLogInterval) {

    ProjectionProperties {
        retries = retries == null ? 3L : retries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        transientRetryCeiling = transientRetryCeiling == null ? Duration.ofSeconds(10) : transientRetryCeiling;
        quarantineCheckInterval = quarantineCheckInterval == null ? Duration.ofSeconds(5) : quarantineCheckInterval;
        quarantineLogInterval = quarantineLogInterval == null ? Duration.ofMinutes(1) : quarantineLogInterval;
    }
}
