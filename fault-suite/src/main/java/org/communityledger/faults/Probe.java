package org.communityledger.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Measures recovery as a user would notice it: the time from the fault until a new command is acknowledged
 * and then readable from the views (read-your-writes with {@code minPosition}).
 */
final class Probe {

    private static final Duration GIVE_UP = Duration.ofMinutes(4);

    private final LedgerHttp command;
    private final LedgerHttp query;
    private final String tag;

    Probe(String commandUrl, String queryUrl, String tag) {
        this.command = new LedgerHttp(commandUrl, "admin");
        this.query = new LedgerHttp(queryUrl, "viewer");
        this.tag = tag;
    }

    /** Answers the probe's own acknowledged command (the caller checks it with the load's) and the time taken. */
    record Recovery(RecordingLoad.Ack ack, Duration after) {
    }

    Recovery since(long faultAtNanos, String communityId) throws InterruptedException {
        long giveUpAt = faultAtNanos + GIVE_UP.toNanos();
        String key = "probe-" + tag;
        String organizationId = "p" + tag;
        RecordingLoad.Ack ack = null;
        while (System.nanoTime() < giveUpAt) {
            try {
                if (ack == null) {
                    LedgerHttp.Answer answer = command.post("/api/communities/" + communityId + "/members",
                            LedgerHttp.joinBody(organizationId), Map.of("Idempotency-Key", key), Duration.ofSeconds(5));
                    if (answer.accepted()) {
                        ack = new RecordingLoad.Ack(key, organizationId, communityId, answer.version(), answer.position());
                    }
                }
                if (ack != null) {
                    LedgerHttp.Answer view = query.get("/api/communities/" + communityId + "?minPosition="
                            + ack.position(), Duration.ofSeconds(10));
                    if (view.status() == 200) {
                        return new Recovery(ack, Duration.ofNanos(System.nanoTime() - faultAtNanos));
                    }
                }
            } catch (IOException e) {
                // the service is down or restarting: exactly what is being waited out
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no command went through end to end within " + GIVE_UP + " of the fault");
    }
}
