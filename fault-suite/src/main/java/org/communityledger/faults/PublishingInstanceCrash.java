package org.communityledger.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.communityledger.launcher.LocalSystem;

/**
 * Cluster scenario c3: the command instance that publishes to Kafka (the owner of the publisher's token claim)
 * is killed with SIGKILL under load; the other instance takes the claim over and publishes what was stored,
 * and the killed one is started again as a supervisor would. The load fails over to the surviving instance,
 * and recovery is measured through it: from the kill until a new command is readable in the views.
 *
 * <p>Evidence that the kill hit the publisher: the claim must pass to the other instance.
 */
final class PublishingInstanceCrash extends Scenario {

    private static final Duration TAKEOVER_WITHIN = Duration.ofSeconds(60);

    PublishingInstanceCrash() {
        super("c3", "kill -9 the command instance that publishes, under load; the other takes over");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        LocalSystem system = drill.system();
        int publishing = publishingInstance(drill);
        int surviving = 1 - publishing;
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            String ownerBefore = owner(fault);
            long killedAt = System.nanoTime();
            system.kill(LocalSystem.Part.COMMAND, publishing);
            String survivor = system.pid(LocalSystem.Part.COMMAND, surviving) + "@";
            long deadline = killedAt + TAKEOVER_WITHIN.toNanos();
            String owner = owner(fault);
            while ((owner == null || !owner.startsWith(survivor)) && System.nanoTime() < deadline) {
                Rest.sleep(Duration.ofMillis(100));
                owner = owner(fault);
            }
            if (owner != null && owner.startsWith(survivor)) {
                observations.add("the publisher's claim passed from " + ownerBefore + " to " + owner + " "
                        + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms after the kill");
            } else {
                findings.add("the surviving command instance did not take the publisher's claim within "
                        + TAKEOVER_WITHIN.toSeconds() + " s (owner: " + owner + ")");
            }
            system.restart(LocalSystem.Part.COMMAND, publishing);
            return killedAt;
        }, system.commandUrls().get(surviving), system.queryUrl());
    }

    /** Which command instance (0-based) holds the publisher's claim now. */
    private static int publishingInstance(Drill drill) throws SQLException {
        String owner = owner(drill);
        for (int instance = 0; instance < drill.system().commandUrls().size(); instance++) {
            if (owner != null && owner.startsWith(drill.system().pid(LocalSystem.Part.COMMAND, instance) + "@")) {
                return instance;
            }
        }
        throw new IllegalStateException("no command instance holds the publisher's claim (owner: " + owner + ")");
    }

    /** The publisher's claim owner as Axon writes it (process id @ host), or null when unclaimed. */
    private static String owner(Drill drill) throws SQLException {
        try (Connection connection = drill.store().connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "select owner from ledger.token_entry where processor_name = 'kafka-publisher'")) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
