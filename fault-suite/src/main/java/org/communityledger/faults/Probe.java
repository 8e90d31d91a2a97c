package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.client.ClientSettings;
import org.communityledger.client.LedgerClientException;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.community.CommunityApi;

/**
 * Measures recovery as a user would notice it: the time from the fault until a new command is acknowledged
 * and then readable from the views (read-your-writes with {@code minPosition}).
 */
final class Probe {

    private static final Duration GIVE_UP = Duration.ofMinutes(4);

    private final DrillCommands command;
    private final CommunityApi query;
    private final String tag;

    Probe(String commandUrl, String queryUrl, String tag) {
        this.command = new DrillCommands(commandUrl, Duration.ofSeconds(5));
        this.query = LedgerClients.query(queryUrl, Drill.account("viewer"),
                new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10))).communities();
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
                    DrillCommands.Answer answer = command.join(communityId, organizationId,
                            CommandOptions.idempotent(key));
                    if (answer.accepted()) {
                        ack = new RecordingLoad.Ack(key, organizationId, communityId, answer.version(), answer.position());
                    }
                }
                if (ack != null) {
                    query.community(communityId, ack.position());
                    return new Recovery(ack, Duration.ofNanos(System.nanoTime() - faultAtNanos));
                }
            } catch (LedgerClientException e) {
                // the service is down, restarting or not caught up yet: exactly what is being waited out
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no command went through end to end within " + GIVE_UP + " of the fault");
    }
}
