package org.communityledger.command.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
record IdempotencyProperties(Duration retention, Duration cleanupInterval, Integer cleanupBatchSize) {

    IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ledger.idempotency.retention must be positive: " + retention);
        }
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(1) : cleanupInterval;
        cleanupBatchSize = cleanupBatchSize == null ? 500 : cleanupBatchSize;
        if (cleanupBatchSize < 1) {
            throw new IllegalArgumentException("ledger.idempotency.cleanup-batch-size must be at least 1: "
                    + cleanupBatchSize);
        }
    }
}
