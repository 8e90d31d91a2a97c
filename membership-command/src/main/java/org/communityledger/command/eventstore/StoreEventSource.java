package org.communityledger.command.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * command service out of memory. Here memory is one batch per stream.
 *
 * <p>A stream that has read everything asks the store again only when it has reason to: a local commit, or a
 * notification that another instance committed ({@link CommitNotifications}); without either it looks once per
 * {@code fallbackDelay}, for a notification that was lost or a writer that sent none. Polling every 100 ms cost
 * an idle service 24 transactions a second (issue 18).
 */
public final class StoreEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storageEngine;
    private final Duration fallbackDelay;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final List<Runnable> localCommitListeners = new CopyOnWriteArrayList<>();
    /** Both counters change only under {@link #lock}, so a reader cannot miss one between its check and its wait. */
    private volatile long commits;
    private volatile long releases;

    StoreEventSource(EventStorageEngine storageEngine, Duration fallbackDelay) {
        this.storageEngine = storageEngine;
        this.fallbackDelay = fallbackDelay;
    }

    /** Called after a unit of work of this instance that appended events committed. */
    void eventsCommitted() {
        signal();
        localCommitListeners.forEach(Runnable::run);
    }

    /** Called when another instance (or another writer) said it committed events. */
    void eventsCommittedElsewhere() {
        signal();
    }

    /** Runs after each local commit of appended events, on the committing thread: keep it short. */
    public void onLocalCommit(Runnable listener) {
        localCommitListeners.add(listener);
    }

    /** How many commits this instance has seen or been told of: a reader compares it to decide to look again. */
    public long commitsSoFar() {
        return commits;
    }

    /**
     * Lets every reader that waits for events go at once, reporting none: a processor that is shutting down
     * would otherwise wait for its reader's wait to end, up to half the claim timeout, or for Axon to interrupt it.
     */
    public void releaseWaitingReaders() {
        changeAndWake(() -> releases++);
    }

    private void signal() {
        changeAndWake(() -> commits++);
    }

    private void changeAndWake(Runnable change) {
        lock.lock();
        try {
            change.run();
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
        /** The commit count before the last look that found nothing, and when it was (no look yet: -1). */
        private long commitsAtEmptyLook = -1;
        private long emptyLookAtNanos;

        OrderedRead(TrackingToken startAfter) {
            this.lastToken = startAfter;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (peeked == null && worthLooking(commitsSoFar())) {
                nextFromStore(commitsSoFar());
            }
            return Optional.ofNullable(peeked);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            long releasesAtStart = releases;
            while (peeked == null) {
                long seenCommits = commitsSoFar();
                if (worthLooking(seenCommits) && nextFromStore(seenCommits)) {
                    return true;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                long untilFallback = emptyLookAtNanos + fallbackDelay.toNanos() - System.nanoTime();
                if (!awaitCommitAfter(seenCommits, releasesAtStart, Math.max(1, Math.min(remaining, untilFallback)))) {
                    return false;
                }
            }
            return true;
        }

        /** An open read may hold more; otherwise a commit since the last empty look, or the fallback delay. */
        private boolean worthLooking(long seenCommits) {
            return events != null || commitsAtEmptyLook < 0 || seenCommits != commitsAtEmptyLook
                    || System.nanoTime() - emptyLookAtNanos >= fallbackDelay.toNanos();
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
        private boolean nextFromStore(long seenCommits) {
            if (events == null) {
                reading = storageEngine.readEvents(lastToken, false);
                events = reading.iterator();
            }
            if (events.hasNext()) {
                peeked = events.next();
                return true;
            }
            closeReading();
            commitsAtEmptyLook = seenCommits;
            emptyLookAtNanos = System.nanoTime();
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

    /** Waits for a commit after {@code seenCommits} or the time to pass; false if the readers were released. */
    private boolean awaitCommitAfter(long seenCommits, long seenReleases, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            while (commits == seenCommits && releases == seenReleases && remaining > 0) {
                remaining = committed.awaitNanos(remaining);
            }
            return releases == seenReleases;
        } finally {
            lock.unlock();
        }
    }
}
