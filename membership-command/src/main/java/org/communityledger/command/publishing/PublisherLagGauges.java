package org.communityledger.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The gauges {@code ledger.publisher.lag.events} and {@code ledger.publisher.lag.oldest.seconds}. They are read
 * only when scraped, and one reading answers every scrape for {@code ledger.publisher.lag-refresh}, so an idle
 * system asks PostgreSQL nothing and a busy one at most once per refresh. A scrape never waits more than a second
 * for a reading: with PostgreSQL unreachable the gauges say NaN (unknown) instead of holding the scrape for the
 * connection pool's timeout and making the whole service look down.
 */
@Component
class PublisherLagGauges implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublisherLagGauges.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final PublisherLagReader reader;
    private final long refreshNanos;
    private final Clock clock = Clock.systemUTC();
    /** One thread, so that a slow read is never started twice; built with Boot's builder, shut down with us. */
    private final ThreadPoolTaskExecutor readerThread;
    // Guarded by this.
    private PublisherLag last;
    private long lastReadAt;
    private boolean everRead;
    private boolean failing;
    private Future<PublisherLag> reading;

    PublisherLagGauges(PublisherLagReader reader, PublisherProperties properties,
                       ThreadPoolTaskExecutorBuilder executors) {
        this.reader = reader;
        this.refreshNanos = properties.lagRefresh().toNanos();
        this.readerThread = executors.corePoolSize(1).maxPoolSize(1).threadNamePrefix("publisher-lag-").build();
        readerThread.setDaemon(true);
        readerThread.initialize();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.publisher.lag.events", this, PublisherLagGauges::events)
                .description("Events in the event store that Kafka has not acknowledged yet")
                .register(registry);
        Gauge.builder("ledger.publisher.lag.oldest.seconds", this, PublisherLagGauges::oldestAgeSeconds)
                .description("Age of the oldest event Kafka has not acknowledged yet; 0 when there is none")
                .register(registry);
    }

    private double events() {
        PublisherLag lag = current();
        return lag == null ? Double.NaN : lag.events();
    }

    private double oldestAgeSeconds() {
        PublisherLag lag = current();
        return lag == null ? Double.NaN : lag.oldestAgeSeconds(clock.instant());
    }

    /** The latest reading, read again when it is older than the refresh; null while unknown. */
    synchronized PublisherLag current() {
        if (everRead && System.nanoTime() - lastReadAt < refreshNanos) {
            return last;
        }
        if (reading == null) {
            reading = readerThread.submit(reader::read);
        }
        try {
            last = reading.get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            failing = false;
        } catch (TimeoutException e) {
            // Still reading; a later scrape takes the result.
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (!failing) {
                log.warn("Cannot read the publisher's lag (reported as NaN until it can): {}", e.getCause().toString());
            }
            failing = true;
            last = null;
        }
        reading = null;
        lastReadAt = System.nanoTime();
        everRead = true;
        return last;
    }

    @Override
    public void destroy() {
        readerThread.shutdown();
    }
}
