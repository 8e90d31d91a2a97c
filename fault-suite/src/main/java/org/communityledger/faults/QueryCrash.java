package org.communityledger.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.PausedProcess;

/**
 * Scenario 5: the query service is killed under load twice, each time at a chosen moment:
 * <ol>
 *   <li>before its database commit: the suite holds one of its communities' view rows locked, the projector's
 *       batch waits on it inside its transaction, and the kill lands there (the transaction is lost; the
 *       records are read again after the restart);</li>
 *   <li>after its database commit, before the offset commit: the projector waits on the locked row again, the
 *       broker is frozen (SIGSTOP), the row released; the projector commits its batch to the views and hangs
 *       committing the offsets to the frozen broker; the kill lands there, and the broker is killed as well
 *       before it could read that commit (the restarted service reads those records again and must skip
 *       them).</li>
 * </ol>
 */
final class QueryCrash extends Scenario {

    private static final String GROUP = "membership-query";
    private static final String VIEW_ROW = "select * from projection.community where community_id = ? for update";

    QueryCrash() {
        super("5", "kill -9 the query service before and after its database commit");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            String target = communities.get(0);
            LocalSystem system = fault.system();

            try (RowLock row = RowLock.hold(fault.store(), VIEW_ROW, target)) {
                requireWaiter(fault, findings, "before the commit");
                system.kill(LocalSystem.Part.QUERY);
            }
            system.restart(LocalSystem.Part.QUERY);
            Rest.sleep(Duration.ofSeconds(2));

            long killedAt;
            try (RowLock row = RowLock.hold(fault.store(), VIEW_ROW, target)) {
                requireWaiter(fault, findings, "after the commit");
                PausedProcess broker = PausedProcess.of(system.pid(LocalSystem.Part.KAFKA));
                try {
                    long versionBefore = viewVersion(fault, target);
                    row.close();
                    awaitVersionAbove(fault, target, versionBefore, findings);
                    killedAt = System.nanoTime();
                    system.kill(LocalSystem.Part.QUERY);
                    // The offset commit sits unread in the frozen broker's socket; a broker that woke up would
                    // still apply it for the dead client, so the broker dies too (SIGKILL ends a stopped process).
                    system.kill(LocalSystem.Part.KAFKA);
                } finally {
                    broker.close();
                }
            }
            system.restart(LocalSystem.Part.KAFKA);
            AppliedAhead ahead = appliedButUncommitted(fault, communities);
            system.restart(LocalSystem.Part.QUERY);
            long skipped = awaitRedelivered(fault, ahead.all());
            observations.add("kill 1 inside the projector's transaction; kill 2 with " + ahead.ours()
                    + " records of its communities (" + ahead.all() + " of all) in the views beyond the committed"
                    + " offsets; the restarted service skipped " + skipped + " as already applied");
            if (ahead.ours() == 0) {
                findings.add("the second kill did not leave committed views behind uncommitted offsets");
            } else if (skipped < ahead.all()) {
                findings.add("the restarted service skipped " + skipped + " redelivered records, not all "
                        + ahead.all() + " its views already held");
            }
            return killedAt;
        });
    }

    private static void requireWaiter(Drill drill, List<String> findings, String when) throws Exception {
        // The projector locks communities with advisory locks and then writes: it waits on the held row at its first
        // statement on that community's views (a member row's reference to it, or the community row itself).
        if (!RowLock.awaitWaiter(drill.store(), "%community%", Duration.ofSeconds(15))) {
            findings.add("the projector never waited on the locked view row (" + when + ")");
        }
    }

    private static long viewVersion(Drill drill, String community) throws Exception {
        return drill.views().communities(List.of(community)).get(community).version();
    }

    private static void awaitVersionAbove(Drill drill, String community, long version, List<String> findings)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (viewVersion(drill, community) <= version) {
            if (System.nanoTime() > deadline) {
                findings.add("the projector did not commit its waiting batch within 10 s");
                return;
            }
            Rest.sleep(Duration.ofMillis(20));
        }
        // The commit is in; the offset commit that follows it now hangs on the frozen broker.
        Rest.sleep(Duration.ofMillis(300));
    }

    /**
     * The restarted service's count of skipped redeliveries, once it reaches {@code expected} (or 30 s pass). The
     * counter is the new process's, so it started at zero after the kill; it counts the records of every community,
     * so it is compared with every community's records the views held beyond the offsets, not only this scenario's.
     */
    private static long awaitRedelivered(Drill drill, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long skipped = 0;
        while (System.nanoTime() < deadline) {
            skipped = (long) ServiceMetrics.counter(drill.queryAs("admin").metrics(),
                    "ledger_projection_records_redelivered_total", "");
            if (expected > 0 && skipped >= expected) {
                break;
            }
            Rest.sleep(Duration.ofMillis(250));
        }
        return skipped;
    }

    /**
     * Records at or after the group's committed offsets whose version the views have already applied: the ones
     * the restarted service must skip. {@code ours} counts this scenario's communities (the proof that the kill
     * landed between the two commits), {@code all} every community's (what the service-wide counter counts).
     */
    private record AppliedAhead(long ours, long all) {
    }

    private static AppliedAhead appliedButUncommitted(Drill drill, List<String> ours) throws Exception {
        Map<Integer, Long> committed = drill.topic().committedOffsets(GROUP);
        List<ConsumerRecord<String, byte[]>> uncommitted = drill.topic().readAll(WireFormat.TOPIC).stream()
                .filter(record -> record.key() != null)
                .filter(record -> record.offset() >= committed.getOrDefault(record.partition(), 0L))
                .toList();
        Set<String> communities = uncommitted.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        Map<String, ProjectedViews.CommunityRow> views = drill.views().communities(communities);
        List<ConsumerRecord<String, byte[]>> applied = uncommitted.stream().filter(record -> {
            ProjectedViews.CommunityRow row = views.get(record.key());
            return row != null && TopicRecords.version(record) <= row.version();
        }).toList();
        return new AppliedAhead(applied.stream().filter(record -> ours.contains(record.key())).count(), applied.size());
    }
}
