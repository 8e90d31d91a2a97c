package org.communityledger.query.web;

import java.time.Duration;

/** The views have not reached the position the caller asked for within the wait. Answered 503 with Retry-After. */
public class NotYetFreshException extends RuntimeException {

    public NotYetFreshException(long minPosition, Duration waited) {
        super("The views have not yet reached position " + minPosition + " (waited " + waited.toMillis()
                + " ms); retry shortly.");
    }
}
