package org.communityledger.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 5: the query service is killed under load, before and after its database commit. A kill inside a
 * batch's transaction loses the transaction (the records are read again); a kill after the commit but before
 * the offset commit leaves records applied to the views yet uncommitted on the topic, which the restarted
 * service reads again and must skip. The second case is the rarer moment, so the scenario kills again (up to
 * a bound) until it sees, right after a kill, records beyond the group's committed offsets that the views
 * already hold.
 */
final class QueryCrash implements Scenario {

    private static final String GROUP = "membership-query";
    private static final int MIN_KILLS = 2;
    private static final int MAX_KILLS = 5;

    @Override
    public String number() {
        return "5";
    }

    @Override
    public String title() {
        return "kill -9 the query service before and after its database commit";
    }

    @Override
    public Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, communities, observations, findings) -> {
            long killedAt = 0;
            long appliedUncommitted = 0;
            long redelivered = 0;
            int kills = 0;
            while (kills < MIN_KILLS || (appliedUncommitted == 0 && kills < MAX_KILLS)) {
                kills++;
                killedAt = System.nanoTime();
                fault.system().kill(LocalSystem.Part.QUERY);
                appliedUncommitted += appliedButUncommitted(fault, communities);
                fault.system().restart(LocalSystem.Part.QUERY);
                // The restarted service reads from the committed offsets at once; what it skips it counts.
                Rest.sleep(Duration.ofSeconds(2));
                redelivered += (long) ServiceMetrics.counter(fault.queryAs("admin"),
                        "ledger_projection_records_redelivered_total", "");
            }
            observations.add(kills + " kills; " + appliedUncommitted + " records were in the views but not committed"
                    + " on the topic at a kill; the restarted services skipped " + redelivered + " redelivered records");
            if (appliedUncommitted == 0) {
                findings.add("no kill in " + MAX_KILLS + " landed between the views' commit and the offset commit");
            }
            return killedAt;
        });
    }

    /**
     * Records of these communities at or after the group's committed offsets whose version the views have
     * already applied. (Only this scenario's communities: nothing else publishes them twice meanwhile, so such a
     * record is one the views applied and the offsets do not yet cover.)
     */
    private static long appliedButUncommitted(Drill drill, List<String> ours) throws Exception {
        Map<Integer, Long> committed = drill.topic().committedOffsets(GROUP);
        List<ConsumerRecord<String, byte[]>> uncommitted = drill.topic().readAll(WireFormat.TOPIC).stream()
                .filter(record -> ours.contains(record.key()))
                .filter(record -> record.offset() >= committed.getOrDefault(record.partition(), 0L))
                .toList();
        Set<String> communities = uncommitted.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        Map<String, ProjectedViews.CommunityRow> views = drill.views().communities(communities);
        return uncommitted.stream().filter(record -> {
            ProjectedViews.CommunityRow row = views.get(record.key());
            return row != null && TopicRecords.version(record) <= row.version();
        }).count();
    }
}
