package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The common shape of a crash scenario: steady load on communities of its own, the fault, recovery by the
 * system itself (a restart at most, as a supervisor would do), more load, what the scenario checks once the
 * load has stopped, then the check of the ledger.
 */
final class FaultUnderLoad {

    /**
     * The fault itself; whatever it observes beyond the common figures goes into the lists, and so does the lack
     * of evidence that it hit anything (the load runs meanwhile, for a fault that looks at what its clients saw).
     * Answers when (as System.nanoTime) its last fault struck: recovery is measured from there.
     */
    interface Fault {
        long inject(Drill drill, RecordingLoad load, List<String> communities, List<String> observations,
                    List<String> findings) throws Exception;
    }

    /**
     * What a scenario checks once its load has stopped, before the ledger is checked: figures such as a lag,
     * which under steady load are rarely caught at exactly zero, must come back to rest then.
     */
    interface Aftermath {
        void check(Drill drill, List<String> communities, List<String> observations, List<String> findings)
                throws Exception;
    }

    private static final Aftermath NOTHING_MORE = (drill, communities, observations, findings) -> {
    };

    private FaultUnderLoad() {
    }

    static Outcome run(Scenario scenario, Drill drill, Fault fault) throws Exception {
        return run(scenario, drill, fault, NOTHING_MORE);
    }

    static Outcome run(Scenario scenario, Drill drill, Fault fault, Aftermath aftermath) throws Exception {
        return run(scenario, drill, fault, aftermath, drill.system().commandUrl(), drill.system().queryUrl());
    }

    /** The same, with recovery measured through the given instances (in a cluster, those the fault spares). */
    static Outcome run(Scenario scenario, Drill drill, Fault fault, String probeCommandUrl, String probeQueryUrl)
            throws Exception {
        return run(scenario, drill, fault, NOTHING_MORE, probeCommandUrl, probeQueryUrl);
    }

    private static Outcome run(Scenario scenario, Drill drill, Fault fault, Aftermath aftermath, String probeCommandUrl,
                               String probeQueryUrl) throws Exception {
        String tag = Drill.tag(scenario);
        List<String> communities = drill.communities(tag, 4);
        List<String> observations = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        RecordingLoad load = drill.load(tag, communities).start();
        Probe.Recovery recovery;
        try {
            Rest.sleep(drill.plan().before());
            long faultAt = fault.inject(drill, load, communities, observations, findings);
            recovery = drill.probe(tag, probeCommandUrl, probeQueryUrl).since(faultAt, communities.get(0));
            Rest.sleep(drill.plan().after());
        } finally {
            load.finish(Duration.ofMinutes(3));
        }
        aftermath.check(drill, communities, observations, findings);
        observations.addAll(load.observations());
        findings.addAll(load.findings());
        Tally tally = drill.verify(communities, Drill.acks(load, recovery));
        return Outcome.of(scenario, tally, recovery.after(), observations, findings);
    }
}
