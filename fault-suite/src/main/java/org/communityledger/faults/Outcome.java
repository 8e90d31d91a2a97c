package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario ended with: the check of the ledger, how long the system took to serve a new command end to
 * end after the fault (null where the scenario has no single fault moment), and what else it observed.
 */
record Outcome(String number, String title, Tally tally, Duration recovery, List<String> observations,
               List<String> findings) {

    static Outcome of(Scenario scenario, Tally tally, Duration recovery, List<String> observations,
                      List<String> moreFindings) {
        List<String> findings = new ArrayList<>(tally.findings());
        findings.addAll(moreFindings);
        return new Outcome(scenario.number(), scenario.title(), tally, recovery, List.copyOf(observations),
                List.copyOf(findings));
    }

    boolean passed() {
        return tally.lost() == 0 && tally.appliedTwice() == 0 && findings.isEmpty();
    }
}
