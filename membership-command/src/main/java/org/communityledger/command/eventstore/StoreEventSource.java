package org.communityledger.command.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store read in order for an event processor straight from the storage engine, one batch at a time
 * as the processor consumes it. Axon's embedded event store shares one reader between processors and, with a
 * backlog, let it run ahead of a slow processor and hold what it read: a 200,000-event backlog ran the
 * command service out of memory. Here memory is one batch per stream. A stream that has read everything
 * waits until a local commit signals new events, or at most the fetch delay (for events committed by other
 * instances).
 */
public final class StoreEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storageEngine;
    private final Duration fetchDelay;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private long commits;

    StoreEventSource(EventStorageEngine storageEngine, Duration fetchDelay) {
        this.storageEngine = storageEngine;
        this.fetchDelay = fetchDelay;
    }

    /** Called after a unit of work that appended events committed. */
    void eventsCommitted() {
        lock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken token) {
        return new OrderedRead(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return storageEngine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storageEngine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storageEngine.createTokenAt(dateTime);
    }

    private final class OrderedRead implements TrackingEventStream {

        private TrackingToken lastToken;
        private java.util.stream.Stream<? extends TrackedEventMessage<?>> reading;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;

        OrderedRead(TrackingToken startAfter) {
            this.lastToken = startAfter;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (peeked == null && nextFromStore()) {
                return Optional.of(peeked);
            }
            return Optional.ofNullable(peeked);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (peeked == null) {
                long seenCommits = commitsSoFar();
                if (nextFromStore()) {
                    return true;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                awaitCommitAfter(seenCommits, Math.min(remaining, fetchDelay.toNanos()));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // keep waiting
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            lastToken = next.trackingToken();
            return next;
        }

        @Override
        public void close() {
            closeReading();
        }

        /**
         * Reads the next event into {@code peeked}: from the open read, or from a new one after the last consumed
         * token. A read that runs dry is closed, and the next look (after a rest) opens a new one: one query per
         * look while the store is idle.
         */
        private boolean nextFromStore() {
            if (events == null) {
                reading = storageEngine.readEvents(lastToken, false);
                events = reading.iterator();
            }
            if (events.hasNext()) {
                peeked = events.next();
                return true;
            }
            closeReading();
            return false;
        }

        private void closeReading() {
            if (reading != null) {
                reading.close();
            }
            reading = null;
            events = null;
        }
    }

    private long commitsSoFar() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    private void awaitCommitAfter(long seenCommits, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            while (commits == seenCommits && remaining > 0) {
                remaining = committed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }
}
