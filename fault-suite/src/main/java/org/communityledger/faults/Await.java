package org.communityledger.faults;

import java.time.Duration;

/** Polling for something a service shows only after a while, with a bound: the suite never waits open-ended. */
final class Await {

    /** A look at the system: a value once it shows what is awaited, null until then. */
    interface Poll<T> {
        T look() throws Exception;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** The first value the poll answers within the time, or null when it never did. */
    static <T> T value(Duration within, Duration every, Poll<T> poll) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = poll.look();
            if (value != null || System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
                return value;
            }
            Rest.sleep(every);
        }
    }

    /** Whether the condition came to hold within the time. */
    static boolean until(Duration within, Duration every, Condition condition) throws Exception {
        return value(within, every, () -> condition.holds() ? Boolean.TRUE : null) != null;
    }
}
