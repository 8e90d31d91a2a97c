package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.PausedProcess;

/**
 * Scenario 4: the Kafka broker dies with a batch of the publisher sent and not yet acknowledged, and is started
 * again after a short outage. Commands keep being accepted meanwhile (they are stored; the publisher catches up).
 *
 * <p>The publisher stores its token, sends its batch and waits for the acknowledgements in one transaction. A kill
 * at a random moment usually finds it between batches, so the suite pins the moment: it freezes the broker
 * (SIGSTOP), which then acknowledges nothing, and waits until the publisher's transaction has been left open
 * after the token update for a while: a batch is out and waiting. The kill (SIGKILL ends a stopped process) lands
 * there. Without that sight of the publisher waiting, the scenario fails: the kill would have hit nothing.
 */
final class BrokerCrashMidPublish extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(2);
    private static final Duration PUBLISHER_WAITING_WITHIN = Duration.ofSeconds(15);
    /**
     * An acknowledgement takes milliseconds; a publisher transaction idle this long after its token update, with
     * the broker frozen, is one waiting for acknowledgements that cannot come.
     */
    private static final String PUBLISHER_AWAITING_ACKS = """
            select count(*) from pg_stat_activity
             where state = 'idle in transaction' and query ilike '%token_entry%'
               and state_change < now() - interval '300 milliseconds'""";

    BrokerCrashMidPublish() {
        super("4", "kill -9 the Kafka broker mid-publish, restart it");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            LocalSystem system = fault.system();
            long killedAt;
            PausedProcess broker = PausedProcess.of(system.pid(LocalSystem.Part.KAFKA));
            try {
                if (awaitPublisherAwaitingAcks(fault)) {
                    observations.add("the kill landed while the publisher waited for a batch's acknowledgements");
                } else {
                    findings.add("the publisher was never seen waiting for the frozen broker's acknowledgements within "
                            + PUBLISHER_WAITING_WITHIN.toSeconds() + " s: the kill did not land mid-publish");
                }
                killedAt = System.nanoTime();
                system.kill(LocalSystem.Part.KAFKA);
            } finally {
                broker.close();
            }
            Rest.sleep(OUTAGE);
            system.restart(LocalSystem.Part.KAFKA);
            // Whether the batch then came through as repeats on the topic is for the check to count (and the
            // views to absorb): the idempotent producer may resend it within its own retries without any.
            return killedAt;
        });
    }

    private static boolean awaitPublisherAwaitingAcks(Drill drill) throws SQLException {
        long deadline = System.nanoTime() + PUBLISHER_WAITING_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = drill.store().connect();
                 PreparedStatement waiting = connection.prepareStatement(PUBLISHER_AWAITING_ACKS);
                 ResultSet rows = waiting.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return true;
                }
            }
            Rest.sleep(Duration.ofMillis(50));
        }
        return false;
    }
}
