package org.communityledger.query.live;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.communityledger.query.projection.ViewsChanged;
import org.communityledger.query.web.NotYetFreshException;
import org.communityledger.query.web.TooManyWaitersException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a query that names the position a command answered ({@code minPosition}) is answered
 * only once the views have applied that event, waiting a bounded time, then 503 with Retry-After.
 *
 * <p>A waiter is woken in the process, not by polling: this instance's projector announces the positions of
 * every transaction it commits ({@link ViewsChanged}), and the change feed those every instance applied, as it
 * streams them. The database is asked once before waiting and then only every
 * {@link LiveProperties#freshnessRecheck()}, for what neither announces (a position older than the change log's
 * window, a notification lost with its connection). Polling every 20 ms, as before, cost each waiter up to 250
 * queries in its 5 s; now it costs two, and one more per recheck interval (1 s by default).
 *
 * <p>Each waiter holds a request thread, so one principal may have at most
 * {@link LiveProperties#maxWaitersPerPrincipal()} at a time; one more is refused at once with 429.
 */
@Component
public class FreshnessGate {

    private final ChangeLog changeLog;
    private final LiveProperties properties;
    /** Waiters by the position each waits for. */
    private final Map<Long, Set<CountDownLatch>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Integer> waitersByPrincipal = new ConcurrentHashMap<>();

    FreshnessGate(ChangeLog changeLog, LiveProperties properties) {
        this.changeLog = changeLog;
        this.properties = properties;
    }

    /**
     * Waits until the event at {@code minPosition} is applied to the views (no wait when it is null, nor when it
     * already is).
     *
     * @throws TooManyWaitersException when {@code principal} already has its most waiters
     * @throws NotYetFreshException    when the wait ran out first
     */
    public void awaitApplied(Long minPosition, String principal) {
        if (minPosition == null || changeLog.reached(minPosition)) {
            return;
        }
        takeWaiterSlot(principal);
        CountDownLatch woken = new CountDownLatch(1);
        try {
            // Added inside compute, like the removal below: never to a set that a leaving waiter just unmapped.
            waiting.compute(minPosition, (position, latches) -> {
                Set<CountDownLatch> all = latches == null ? ConcurrentHashMap.newKeySet() : latches;
                all.add(woken);
                return all;
            });
            waitFor(minPosition, woken);
        } finally {
            waiting.computeIfPresent(minPosition, (position, latches) -> {
                latches.remove(woken);
                return latches.isEmpty() ? null : latches;
            });
            waitersByPrincipal.computeIfPresent(principal, (name, count) -> count == 1 ? null : count - 1);
        }
    }

    private void waitFor(long minPosition, CountDownLatch woken) {
        long deadline = System.nanoTime() + properties.freshnessTimeout().toNanos();
        // Asked again once registered: the event may have been applied between the first look and now.
        while (!changeLog.reached(minPosition)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new NotYetFreshException(minPosition, properties.freshnessTimeout());
            }
            try {
                if (woken.await(Math.min(left, properties.freshnessRecheck().toNanos()), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotYetFreshException(minPosition, Duration.ZERO);
            }
        }
    }

    private void takeWaiterSlot(String principal) {
        int limit = properties.maxWaitersPerPrincipal();
        boolean[] refused = {false};
        waitersByPrincipal.compute(principal, (name, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                refused[0] = true;
                return count;
            }
            return now + 1;
        });
        if (refused[0]) {
            throw new TooManyWaitersException(limit);
        }
    }

    /** The views now hold the event at this position: whoever waits for it goes on. */
    void applied(long position) {
        Set<CountDownLatch> latches = waiting.get(position);
        if (latches != null) {
            latches.forEach(CountDownLatch::countDown);
        }
    }

    /** This instance's projector committed these positions. */
    @EventListener
    void viewsChanged(ViewsChanged changed) {
        if (waiting.isEmpty()) {
            return;
        }
        for (long position : changed.positions()) {
            applied(position);
        }
    }

    /** The newest position applied to the views, for freshness headers. */
    public long latestPosition() {
        return changeLog.latestPosition();
    }
}
