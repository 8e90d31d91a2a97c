package org.communityledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** The publisher's reader asks the store again only when told of a commit, or once per fallback delay. */
class StoreEventSourceTest {

    /** The store, counting how often a reader asks it. */
    private static final class CountingStore extends InMemoryEventStorageEngine {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }

        void store(String communityId) {
            appendEvents(new GenericDomainEventMessage<>("Community", communityId, 0, "joined"));
        }
    }

    @Test
    void an_idle_reader_does_not_ask_the_store_until_a_commit_or_the_fallback_delay() throws Exception {
        CountingStore store = new CountingStore();
        StoreEventSource source = new StoreEventSource(store, Duration.ofHours(1));
        try (TrackingEventStream stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(600, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(stream.peek()).isEmpty();

            assertThat(store.reads).as("looks while nothing was committed").hasValue(1);
        }
    }

    @Test
    void a_local_commit_or_a_notification_from_elsewhere_wakes_the_reader_at_once() throws Exception {
        CountingStore store = new CountingStore();
        StoreEventSource source = new StoreEventSource(store, Duration.ofHours(1));
        AtomicInteger localCommits = new AtomicInteger();
        source.onLocalCommit(localCommits::incrementAndGet);
        try (TrackingEventStream stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();

            store.store("c-1");
            source.eventsCommitted();
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("joined");

            Thread waker = new Thread(() -> {
                sleep(200);
                store.store("c-2");
                source.eventsCommittedElsewhere();
            });
            waker.start();
            long start = System.nanoTime();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            waker.join();
        }
        assertThat(localCommits).as("listeners hear local commits only").hasValue(1);
        assertThat(source.commitsSoFar()).isEqualTo(2);
    }

    @Test
    void without_any_signal_the_reader_looks_again_after_the_fallback_delay() throws Exception {
        CountingStore store = new CountingStore();
        StoreEventSource source = new StoreEventSource(store, Duration.ofMillis(300));
        try (TrackingEventStream stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            store.store("c-1");
            // No commit is signalled: a writer that did not announce it.
            assertThat(stream.hasNextAvailable(2, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.reads.get()).isBetween(2, 3);
    }

    @Test
    void released_readers_stop_waiting_at_once_without_asking_the_store_and_wait_again_afterwards() throws Exception {
        CountingStore store = new CountingStore();
        StoreEventSource source = new StoreEventSource(store, Duration.ofHours(1));
        try (TrackingEventStream stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            Thread releaser = new Thread(() -> {
                sleep(200);
                source.releaseWaitingReaders();
            });
            releaser.start();
            long start = System.nanoTime();
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            releaser.join();

            // A release lets go of the readers then waiting; a later wait is an ordinary one.
            start = System.nanoTime();
            assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        assertThat(store.reads).as("a release is not a commit: no look at the store").hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
