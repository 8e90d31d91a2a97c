package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.community.Community;
import org.communityledger.client.rebuild.RebuildApi;
import org.communityledger.client.stats.Stats;

/**
 * Scenario 6: the views are rebuilt from the start of the topic while commands keep coming. A dashboard polling
 * the statistics and a community must never see a count go backwards (the old views answer until the new ones
 * have caught up), and the result must equal a rebuild from scratch made after the load.
 *
 * <p>Cluster scenario c5 is the same with two query instances: the rebuild is started on the first while the
 * dashboard polls the second, which goes on applying the records of its partitions meanwhile.
 */
final class RebuildUnderLoad extends Scenario {

    private final boolean acrossInstances;

    private RebuildUnderLoad(boolean acrossInstances) {
        super(acrossInstances ? "c5" : "6", acrossInstances
                ? "a rebuild started on one query instance while the other serves, under load"
                : "rebuild the projections under live load");
        this.acrossInstances = acrossInstances;
    }

    /** Scenario 6: the rebuild and the dashboard on the one query instance. */
    static RebuildUnderLoad onOneInstance() {
        return new RebuildUnderLoad(false);
    }

    /** Cluster scenario c5: the rebuild started on the first query instance, the dashboard on the other. */
    static RebuildUnderLoad acrossInstances() {
        return new RebuildUnderLoad(true);
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        String tag = Drill.tag(this);
        List<String> communities = drill.communities(tag, 4);
        List<String> observations = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        RecordingLoad load = drill.load(tag, communities).start();
        AtomicBoolean watching = new AtomicBoolean(true);
        int dashboardInstance = acrossInstances ? drill.system().queryUrls().size() - 1 : 0;
        DashboardWatch watch = new DashboardWatch(drill.queryAs("viewer", dashboardInstance),
                drill.queryAs("admin", dashboardInstance).rebuild(), communities.get(0), watching);
        Thread watcher = new Thread(watch, "dashboard-watch");
        Duration rebuilt;
        try {
            Rest.sleep(drill.plan().before());
            watcher.start();
            long started = System.nanoTime();
            watch.rebuilding = true;
            try {
                Rebuild.runToEnd(drill.queryAs("admin").rebuild());
            } finally {
                watch.rebuilding = false;
            }
            rebuilt = Duration.ofNanos(System.nanoTime() - started);
            Rest.sleep(drill.plan().after());
        } finally {
            watching.set(false);
            load.finish(Duration.ofMinutes(3));
        }
        watcher.join();
        observations.add(watch.polls + " dashboard polls, " + watch.pollsDuringRebuild + " of them while the rebuild ran; "
                + watch.runningReported + " status answers of the dashboard's instance said it was running");
        observations.addAll(load.observations());
        findings.addAll(watch.backwards);
        // Polls after the switch only read the new views: they cannot show the old ones giving way too early.
        if (watch.pollsDuringRebuild == 0) {
            findings.add("no dashboard poll was answered while the rebuild ran");
        }
        if (acrossInstances && watch.runningReported == 0) {
            findings.add("the other query instance never reported the group's rebuild as running");
        }
        findings.addAll(load.findings());
        Tally tally = drill.verify(communities, Drill.acks(load, null));
        return Outcome.of(this, tally, rebuilt, observations, findings);
    }

    /** Polls what a dashboard shows and notes any count that went down. */
    private final class DashboardWatch implements Runnable {

        private final QueryServiceClient viewer;
        private final RebuildApi operator;
        private final String communityId;
        private final AtomicBoolean watching;
        private final List<String> backwards = new ArrayList<>();
        private long polls;
        private long pollsDuringRebuild;
        private long runningReported;
        /**
         * From the rebuild's start until it was seen switched: the switch itself comes up to one status check
         * (250 ms) before the end of this window.
         */
        private volatile boolean rebuilding;

        DashboardWatch(QueryServiceClient viewer, RebuildApi operator, String communityId, AtomicBoolean watching) {
            this.viewer = viewer;
            this.operator = operator;
            this.communityId = communityId;
            this.watching = watching;
        }

        @Override
        public void run() {
            Map<String, Long> highest = new HashMap<>();
            while (watching.get()) {
                boolean rebuildingBefore = rebuilding;
                try {
                    Stats stats = viewer.stats().stats();
                    Community community = viewer.communities().community(communityId);
                    observe(highest, "communities", stats.communities());
                    observe(highest, "organizations", stats.organizations());
                    observe(highest, "memberCount", community.memberCount());
                    observe(highest, "version", community.version());
                    polls++;
                    if (rebuildingBefore && rebuilding) {
                        pollsDuringRebuild++;
                        if (operator.status().state().running()) {
                            runningReported++;
                        }
                    }
                } catch (Exception e) {
                    if (backwards.size() < 5) {
                        backwards.add("a dashboard poll failed: " + e);
                    }
                }
                Rest.sleep(Duration.ofMillis(100));
            }
        }

        private void observe(Map<String, Long> highest, String figure, long value) {
            long before = highest.getOrDefault(figure, Long.MIN_VALUE);
            if (value < before && backwards.size() < 5) {
                backwards.add("the dashboard's " + figure + " went back from " + before + " to " + value);
            }
            highest.put(figure, Math.max(before, value));
        }
    }
}
