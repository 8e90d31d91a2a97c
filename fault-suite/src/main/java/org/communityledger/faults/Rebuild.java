package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.client.LedgerClientException;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.rebuild.RebuildApi;
import org.communityledger.client.rebuild.RebuildRequest;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;

/** Rebuilding the views through the operator's endpoint, and waiting until the new views took over. */
final class Rebuild {

    private static final Duration WITHIN = Duration.ofMinutes(5);
    private static final RebuildRequest START = new RebuildRequest("fault suite");

    private Rebuild() {
    }

    /** Starts a rebuild (after one that is already running, if so) and waits until it switched the views. */
    static void runToEnd(RebuildApi admin) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            try {
                admin.start(START);
                break;
            } catch (LedgerProblemException refused) {
                // 409: one is running already; the next may start once it ended.
                if (refused.status() != 409 || System.nanoTime() >= deadline) {
                    throw new IllegalStateException("a rebuild could not start: " + refused.getMessage(), refused);
                }
                Rest.sleep(Duration.ofMillis(500));
            }
        }
        awaitEnd(admin, deadline);
    }

    /** Waits until the running rebuild switched the views over; fails if it failed. */
    static void awaitEnd(RebuildApi admin, long deadline) {
        while (System.nanoTime() < deadline) {
            RebuildState state = state(admin);
            if (state == RebuildState.SWITCHED) {
                return;
            }
            if (state == RebuildState.FAILED) {
                RebuildStatus status = admin.status();
                throw new IllegalStateException("the rebuild failed: " + status.error());
            }
            Rest.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the rebuild did not end within " + WITHIN);
    }

    /** The rebuild's state; UNKNOWN while the status cannot be read. */
    static RebuildState state(RebuildApi admin) {
        try {
            return admin.status().state();
        } catch (LedgerClientException e) {
            return RebuildState.UNKNOWN;
        }
    }
}
