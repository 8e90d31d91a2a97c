package org.communityledger.faults;

import java.time.Duration;

/** Waiting, without checked exceptions: an interrupt ends the wait and is kept for the caller to see. */
final class Rest {

    private Rest() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
