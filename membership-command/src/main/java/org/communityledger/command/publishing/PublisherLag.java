package org.communityledger.command.publishing;

import java.time.Duration;
import java.time.Instant;

/**
 * Events stored but not yet acknowledged by Kafka, as one reading found them.
 *
 * @param events         how many
 * @param oldestStoredAt when the oldest of them was stored; null when there are none
 */
record PublisherLag(long events, Instant oldestStoredAt) {

    /** Seconds since the oldest of them was stored, 0 when there are none. */
    double oldestAgeSeconds(Instant now) {
        if (oldestStoredAt == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldestStoredAt, now).toMillis() / 1000.0);
    }
}
