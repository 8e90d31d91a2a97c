package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 1: the command service is killed with SIGKILL under load and started again after a short outage.
 * Clients retry with their idempotency keys; the publisher resumes from its last token.
 *
 * <p>A kill that found the load idle (or a service that did not die) would test nothing, so the load's clients
 * must have seen their connections fail between the kill and the restart.
 */
final class CommandServiceCrash extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(2);

    CommandServiceCrash() {
        super("1", "kill -9 the command service under load, restart it");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            long failuresBefore = load.transportFailures();
            long killedAt = System.nanoTime();
            fault.system().kill(LocalSystem.Part.COMMAND);
            Rest.sleep(OUTAGE);
            fault.system().restart(LocalSystem.Part.COMMAND);
            long failures = load.transportFailures() - failuresBefore;
            observations.add(failures + " connection failures seen by the load while the service was down");
            if (failures == 0) {
                findings.add("the load saw no connection fail while the command service was down: the kill hit no"
                        + " work in progress");
            }
            return killedAt;
        });
    }
}
