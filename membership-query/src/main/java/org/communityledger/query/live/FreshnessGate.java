package org.communityledger.query.live;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongPredicate;
import org.communityledger.query.web.NotYetFreshException;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a query that names the position a command answered ({@code minPosition}) is answered
 * only once the views have applied that event, waiting a bounded time, then 503 with Retry-After.
 */
@Component
public class FreshnessGate {

    private static final long POLL_MILLIS = 20;

    private final ChangeLog changeLog;
    private final LiveProperties properties;

    FreshnessGate(ChangeLog changeLog, LiveProperties properties) {
        this.changeLog = changeLog;
        this.properties = properties;
    }

    /** Waits until the event at {@code minPosition} is applied to the views (no wait when it is null). */
    public void awaitApplied(Long minPosition) {
        awaitUntil(minPosition, changeLog::reached);
    }

    /**
     * Waits until a condition on the position holds, e.g. a community's own last position has reached it.
     * Answers at once when {@code minPosition} is null.
     */
    public void awaitUntil(Long minPosition, LongPredicate reached) {
        if (minPosition == null) {
            return;
        }
        Instant deadline = Instant.now().plus(properties.freshnessTimeout());
        while (!reached.test(minPosition)) {
            if (Instant.now().isAfter(deadline)) {
                throw new NotYetFreshException(minPosition, properties.freshnessTimeout());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotYetFreshException(minPosition, Duration.ZERO);
            }
        }
    }

    /** The newest position applied to the views, for freshness headers. */
    public long latestPosition() {
        return changeLog.latestPosition();
    }
}
