package org.communityledger.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;

/** Rebuilding the views through the operator's endpoint, and waiting until the new views took over. */
final class Rebuild {

    private static final Duration WITHIN = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The endpoint takes a JSON object only, so that a cross-site form post cannot start a rebuild. */
    private static final String START = "{\"reason\":\"fault suite\"}";

    private Rebuild() {
    }

    /** Starts a rebuild (after one that is already running, if so) and waits until it switched the views. */
    static void runToEnd(LedgerHttp admin) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        LedgerHttp.Answer started = admin.post("/api/admin/projections/rebuild", START, Map.of(),
                Duration.ofSeconds(30));
        while (started.status() == 409 && System.nanoTime() < deadline) {
            Rest.sleep(Duration.ofMillis(500));
            started = admin.post("/api/admin/projections/rebuild", START, Map.of(), Duration.ofSeconds(30));
        }
        if (started.status() != 202) {
            throw new IllegalStateException("a rebuild could not start: " + started.status() + " " + started.body());
        }
        awaitEnd(admin, deadline);
    }

    /** Waits until the running rebuild switched the views over; fails if it failed. */
    static void awaitEnd(LedgerHttp admin, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            String state = state(admin);
            if ("SWITCHED".equals(state)) {
                return;
            }
            if ("FAILED".equals(state)) {
                throw new IllegalStateException("the rebuild failed: "
                        + admin.get("/api/admin/projections/status", Duration.ofSeconds(10)).body());
            }
            Rest.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the rebuild did not end within " + WITHIN);
    }

    static String state(LedgerHttp admin) throws Exception {
        LedgerHttp.Answer status = admin.get("/api/admin/projections/status", Duration.ofSeconds(10));
        return status.status() == 200 ? JSON.readTree(status.body()).path("state").asText() : "UNKNOWN";
    }
}
