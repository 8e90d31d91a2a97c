package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 5: the query service is killed under load, several times at different moments, so that kills land
 * both inside a batch's database transaction (rolled back; the records are read again) and between its commit
 * and the offset commit (read again; the versions already applied are skipped).
 */
final class QueryCrash implements Scenario {

    private static final int KILLS = 2;

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
            for (int kill = 0; kill < KILLS; kill++) {
                fault.system().kill(LocalSystem.Part.QUERY);
                fault.system().restart(LocalSystem.Part.QUERY);
                // The second kill lands while the restarted projector catches up on the backlog of the first.
                Rest.sleep(Duration.ofMillis(1500));
            }
            observations.add(KILLS + " kills");
        });
    }
}
