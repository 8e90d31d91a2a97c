package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.communityledger.client.stream.StreamApi;
import org.communityledger.launcher.LocalSystem;

/**
 * Cluster scenario c2: one query instance is killed with SIGKILL under load while a dashboard streams from
 * each instance. Its partitions move to the other instance, its dashboard reconnects there with
 * {@code Last-Event-ID}, and it is started again as a supervisor would. The views must be complete, and each
 * dashboard must have received every change of the scenario's communities exactly once.
 *
 * <p>Evidence that the kill hit a stream: the killed instance's dashboard must have reconnected.
 */
final class QueryInstanceCrash extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration STREAMS_CATCH_UP_WITHIN = Duration.ofSeconds(60);

    QueryInstanceCrash() {
        super("c2", "kill -9 a query instance under load while dashboards stream from both");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        LocalSystem system = drill.system();
        int killed = system.queryUrls().size() - 1;
        List<StreamApi> viewers = new ArrayList<>();
        for (int instance = 0; instance < system.queryUrls().size(); instance++) {
            viewers.add(drill.queryAs("viewer", instance).stream());
        }
        String tag = Drill.tag(this);
        List<String> observations = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        Probe.Recovery recovery;
        RecordingLoad load;
        List<String> communities;
        // The dashboards connect before the communities exist, so every event of theirs is a change to see.
        try (ResumingDashboard spared = new ResumingDashboard(viewers, 0).start();
             ResumingDashboard onTheKilled = new ResumingDashboard(viewers, killed).start()) {
            communities = drill.communities(tag, 4);
            load = drill.load(tag, communities).start();
            try {
                Rest.sleep(drill.plan().before());
                long killedAt = System.nanoTime();
                system.kill(LocalSystem.Part.QUERY, killed);
                Rest.sleep(OUTAGE);
                system.restart(LocalSystem.Part.QUERY, killed);
                recovery = drill.probe(tag, system.commandUrl(), system.queryUrl()).since(killedAt, communities.get(0));
                Rest.sleep(drill.plan().after());
            } finally {
                load.finish(Duration.ofMinutes(3));
            }
            Set<Long> expected = new TreeSet<>();
            // Once the views hold every stored event of these communities, the streams have been sent them too.
            drill.ledgerCheck().settle(communities, Drill.acks(load, recovery), Drill.SETTLE_WITHIN);
            drill.store().of(communities).forEach(event -> expected.add(event.position()));
            check(drill, "the dashboard on the spared instance", spared, expected, observations, findings);
            check(drill, "the dashboard on the killed instance", onTheKilled, expected, observations, findings);
            if (onTheKilled.reconnects() == 0) {
                findings.add("the killed instance's dashboard never reconnected: the kill hit no stream");
            }
        }
        observations.addAll(load.observations());
        findings.addAll(load.findings());
        // The check rebuilds the views, which rightly tells streams to reload: the dashboards were closed before.
        Tally tally = drill.verify(communities, Drill.acks(load, recovery));
        return Outcome.of(this, tally, recovery.after(), observations, findings);
    }

    /** Where changes stand in the change log's commit order, to tell why a stream missed them. */
    private static String changeLogRows(Drill drill, Set<Long> missed, List<String> resumedFrom) {
        List<Long> positions = new ArrayList<>(missed);
        resumedFrom.stream().filter(id -> id.matches("\\d+")).map(Long::parseLong).forEach(positions::add);
        StringBuilder rows = new StringBuilder();
        try (java.sql.Connection connection = drill.store().connect();
             java.sql.PreparedStatement select = connection.prepareStatement("""
                     select position, tx_id::text, change_id, applied_at from projection.projection_change
                     where position = any(?) order by tx_id, change_id""")) {
            select.setArray(1, connection.createArrayOf("bigint", positions.toArray()));
            try (java.sql.ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.append('(').append(row.getLong(1)).append(", ").append(row.getString(2)).append(", ")
                            .append(row.getLong(3)).append(", ").append(row.getString(4)).append(") ");
                }
            }
        } catch (java.sql.SQLException e) {
            rows.append("unreadable: ").append(e.getMessage());
        }
        return rows.toString();
    }

    private static void check(Drill drill, String name, ResumingDashboard dashboard, Set<Long> expected,
                              List<String> observations, List<String> findings) {
        long deadline = System.nanoTime() + STREAMS_CATCH_UP_WITHIN.toNanos();
        while (!dashboard.received().keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Rest.sleep(Duration.ofMillis(100));
        }
        Map<Long, Integer> received = dashboard.received();
        Set<Long> missed = new TreeSet<>(expected);
        missed.removeAll(received.keySet());
        long twice = expected.stream().filter(position -> received.getOrDefault(position, 0) > 1).count();
        observations.add(name + ": " + expected.size() + " changes expected, " + missed.size() + " missed, " + twice
                + " received twice, " + dashboard.reconnects() + " reconnections, " + dashboard.resets() + " resets");
        if (!missed.isEmpty()) {
            findings.add(name + " missed " + missed.size() + " changes: positions " + Text.clip(missed.toString())
                    + "; it resumed from " + dashboard.resumedFrom() + "; in the change log (position, tx, change id, "
                    + "applied): " + changeLogRows(drill, missed, dashboard.resumedFrom()));
        }
        if (twice > 0) {
            findings.add(name + " received " + twice + " changes twice");
        }
        if (dashboard.resets() > 0) {
            findings.add(name + " was told to reload " + dashboard.resets() + " times");
        }
    }
}
