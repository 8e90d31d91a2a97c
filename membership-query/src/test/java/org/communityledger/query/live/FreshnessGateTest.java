package org.communityledger.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.communityledger.query.projection.ViewsChanged;
import org.communityledger.query.web.NotYetFreshException;
import org.communityledger.query.web.TooManyWaitersException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes waiters, against a change log that only counts how often it is asked: woken in the process when
 * their event is applied, asking the database rarely, and limited per principal.
 */
class FreshnessGateTest {

    private final CountingChangeLog changeLog = new CountingChangeLog();
    private final ExecutorService requests = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void a_waiter_goes_on_as_soon_as_its_event_is_applied_without_polling_the_database() throws Exception {
        FreshnessGate gate = gate(Duration.ofSeconds(10), Duration.ofSeconds(10), 20);
        Future<?> waiting = requests.submit(() -> gate.awaitApplied(42L, "viewer"));
        awaitWaiting(2);
        Thread.sleep(500);

        changeLog.apply(42);
        gate.applied(42);

        waiting.get(2, TimeUnit.SECONDS);
        // Once before registering, once after: never again while it waited half a second.
        assertThat(changeLog.asked.get()).isEqualTo(2);
    }

    @Test
    void a_commit_of_this_instance_wakes_the_waiters_of_its_positions_only() throws Exception {
        FreshnessGate gate = gate(Duration.ofSeconds(10), Duration.ofSeconds(10), 20);
        Future<?> forSeven = requests.submit(() -> gate.awaitApplied(7L, "viewer"));
        Future<?> forEight = requests.submit(() -> gate.awaitApplied(8L, "auditor"));
        awaitWaiting(4);

        changeLog.apply(7);
        gate.viewsChanged(new ViewsChanged(new long[] {5, 7}));

        forSeven.get(2, TimeUnit.SECONDS);
        Thread.sleep(200);
        assertThat(forEight).isNotDone();
        changeLog.apply(8);
        gate.viewsChanged(new ViewsChanged(new long[] {8}));
        forEight.get(2, TimeUnit.SECONDS);
    }

    @Test
    void without_any_announcement_a_waiter_asks_the_database_again_at_the_recheck_interval() throws Exception {
        FreshnessGate gate = gate(Duration.ofSeconds(10), Duration.ofMillis(200), 20);
        Future<?> waiting = requests.submit(() -> gate.awaitApplied(9L, "viewer"));
        awaitWaiting(2);

        changeLog.apply(9);

        waiting.get(2, TimeUnit.SECONDS);
        assertThat(changeLog.asked.get()).isBetween(3, 4);
    }

    @Test
    void a_principal_with_its_most_waiters_is_refused_at_once_while_others_still_wait() throws Exception {
        FreshnessGate gate = gate(Duration.ofSeconds(10), Duration.ofSeconds(10), 2);
        Future<?> first = requests.submit(() -> gate.awaitApplied(100L, "viewer"));
        Future<?> second = requests.submit(() -> gate.awaitApplied(101L, "viewer"));
        awaitWaiting(4);

        long started = System.nanoTime();
        assertThatThrownBy(() -> gate.awaitApplied(102L, "viewer"))
                .isInstanceOf(TooManyWaitersException.class)
                .hasMessageContaining("2 queries waiting");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        Future<?> otherAccount = requests.submit(() -> gate.awaitApplied(100L, "auditor"));
        awaitWaiting(6);

        changeLog.apply(100);
        gate.applied(100);
        first.get(2, TimeUnit.SECONDS);
        otherAccount.get(2, TimeUnit.SECONDS);
        // A slot freed by an answered waiter is free again; an applied position needs none.
        Future<?> again = requests.submit(() -> gate.awaitApplied(103L, "viewer"));
        awaitWaiting(9);
        gate.awaitApplied(100L, "viewer");
        changeLog.apply(101);
        changeLog.apply(103);
        gate.applied(101);
        gate.applied(103);
        second.get(2, TimeUnit.SECONDS);
        again.get(2, TimeUnit.SECONDS);
    }

    @Test
    void a_waiter_whose_event_never_comes_is_answered_not_yet_fresh_and_frees_its_slot() {
        FreshnessGate gate = gate(Duration.ofMillis(300), Duration.ofSeconds(10), 1);

        assertThatThrownBy(() -> gate.awaitApplied(55L, "viewer")).isInstanceOf(NotYetFreshException.class);
        assertThatThrownBy(() -> gate.awaitApplied(55L, "viewer")).isInstanceOf(NotYetFreshException.class);
    }

    /** Waits until the waiters have asked the change log this many times in all (each asks twice to register). */
    private void awaitWaiting(int asked) {
        await().atMost(Duration.ofSeconds(5)).until(() -> changeLog.asked.get() >= asked);
    }

    private FreshnessGate gate(Duration timeout, Duration recheck, int maxWaitersPerPrincipal) {
        return new FreshnessGate(changeLog, new LiveProperties(100_000, 1000, Duration.ofSeconds(15),
                Duration.ofMinutes(30), timeout, recheck, maxWaitersPerPrincipal, 500, 50, Duration.ofSeconds(5)));
    }

    /** A change log whose applied positions the test decides, counting every question. */
    private static final class CountingChangeLog extends ChangeLog {

        private final Set<Long> applied = ConcurrentHashMap.newKeySet();
        private final AtomicInteger asked = new AtomicInteger();

        CountingChangeLog() {
            super(null);
        }

        void apply(long position) {
            applied.add(position);
        }

        @Override
        boolean reached(long position) {
            asked.incrementAndGet();
            return applied.contains(position);
        }
    }
}
