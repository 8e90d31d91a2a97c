package org.communityledger.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the projection consumer. Two more are scheduling intervals, read where they are scheduled:
 * {@code ledger.projection.quarantine-check-interval} (5 s, {@link QuarantineWatch}) and
 * {@code ledger.projection.lag-check-interval} (5 s, {@link ProjectionLag}).
 *
 * @param retries               attempts after the first before a record that fails for a reason of its own is
 *                              parked (default 3)
 * @param retryInterval         pause between those attempts, and the first pause after a transient failure
 *                              (default 500 ms)
 * @param transientRetryCeiling the longest pause between attempts while a transient failure lasts; the pause
 *                              doubles up to it (default 10 s)
 * @param quarantineLogInterval how often the error log names every community still quarantined (default 1 min)
 */
@ConfigurationProperties("ledger.projection")
record ProjectionProperties(Long retries, Duration retryInterval, Duration transientRetryCeiling,
                            Duration quarantineLogInterval) {

    ProjectionProperties {
        retries = retries == null ? 3L : retries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        transientRetryCeiling = transientRetryCeiling == null ? Duration.ofSeconds(10) : transientRetryCeiling;
        quarantineLogInterval = quarantineLogInterval == null ? Duration.ofMinutes(1) : quarantineLogInterval;
    }
}
