package org.communityledger.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 * @param quarantineIdleCheckInterval how often the quarantine is read while nothing is quarantined or parked and
 *                              no record arrived at this instance (default 30 s): a community quarantined by
 *                              another instance shows in this one's health within it
 */
@ConfigurationProperties("ledger.projection")
record ProjectionProperties(@DefaultValue("3") long retries, @DefaultValue("500ms") Duration retryInterval,
                            @DefaultValue("10s") Duration transientRetryCeiling,
                            @DefaultValue("1m") Duration quarantineLogInterval,
                            @DefaultValue("30s") Duration quarantineIdleCheckInterval) {

}
