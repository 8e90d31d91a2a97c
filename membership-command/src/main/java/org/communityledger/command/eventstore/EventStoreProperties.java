package org.communityledger.command.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How event processors (the Kafka publisher) read the event store.
 *
 * @param readBatchSize events fetched per query while reading the store in order (default 500)
 * @param fetchDelay    how long a reader that has read everything waits before it looks again when no commit of
 *                      this instance and no notification ({@link CommitNotifications}) woke it: events committed
 *                      by a writer that did not notify, or while a notification was lost, are seen within this
 *                      delay (default 30 s)
 */
@ConfigurationProperties("ledger.event-store")
record EventStoreProperties(@DefaultValue("500") int readBatchSize, @DefaultValue("30s") Duration fetchDelay) {

    EventStoreProperties {
        if (fetchDelay.isZero() || fetchDelay.isNegative() || readBatchSize < 1) {
            throw new IllegalArgumentException("ledger.event-store.fetch-delay must be positive (a reader without a "
                    + "rest would query in a loop) and read-batch-size at least 1");
        }
    }
}
