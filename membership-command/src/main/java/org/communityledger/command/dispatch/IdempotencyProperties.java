package org.communityledger.command.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long idempotency keys are kept.
 *
 * @param retention        how long a key answers its retries with the first outcome (default 24 h); after that, a
 *                         request with the same key is a new request. Clients retry within minutes; a day covers an
 *                         outage overnight and keeps the table to a day of keyed commands
 * @param cleanupInterval  how often expired keys are deleted (default 1 min)
 * @param cleanupBatchSize keys deleted per statement (default 500): small batches keep each delete's locks short
 */
@ConfigurationProperties("ledger.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("1m") Duration cleanupInterval,
                             @DefaultValue("500") int cleanupBatchSize) {

    IdempotencyProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ledger.idempotency.retention must be positive: " + retention);
        }
        if (cleanupBatchSize < 1) {
            throw new IllegalArgumentException("ledger.idempotency.cleanup-batch-size must be at least 1: "
                    + cleanupBatchSize);
        }
    }
}
