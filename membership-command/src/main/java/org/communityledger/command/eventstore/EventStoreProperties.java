package org.communityledger.command.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How event processors (the Kafka publisher) read the event store.
 *
 * @param readBatchSize events fetched per query while reading the store in order (default 500)
 * @param fetchDelay    how long the reader rests when it found nothing new and no commit of this instance
 *                      woke it: events committed elsewhere (another instance, a migration) are seen within
 *                      this delay (default 100 ms; Axon's own default is 1 s)
 * @param cachedEvents  events kept in memory for processors that follow the head of the store (default 10,000)
 */
@ConfigurationProperties("ledger.event-store")
record EventStoreProperties(Integer readBatchSize, Duration fetchDelay, Integer cachedEvents) {

    EventStoreProperties {
        readBatchSize = readBatchSize == null ? 500 : readBatchSize;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
        cachedEvents = cachedEvents == null ? 10_000 : cachedEvents;
    }
}
