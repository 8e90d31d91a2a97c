package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.launcher.LocalSystem;

/**
 * Cluster scenario c4: every service instance is restarted in turn, as an operator rolls out a new version:
 * both command instances, then both query instances, each stopped with SIGTERM and started again once the
 * previous one is healthy. The load fails over between the command instances; nothing acknowledged may be
 * lost or applied twice.
 *
 * <p>Evidence that each restart happened: every instance must come back as a new process.
 */
final class RollingRestart extends Scenario {

    RollingRestart() {
        super("c4", "a rolling restart of all four services under load");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            LocalSystem system = fault.system();
            long lastRestartAt = System.nanoTime();
            for (LocalSystem.Part part : new LocalSystem.Part[] {LocalSystem.Part.COMMAND, LocalSystem.Part.QUERY}) {
                int instances = part == LocalSystem.Part.COMMAND ? system.commandUrls().size()
                        : system.queryUrls().size();
                for (int instance = 0; instance < instances; instance++) {
                    long before = system.pid(part, instance);
                    long restartAt = System.nanoTime();
                    lastRestartAt = restartAt;
                    system.restartGracefully(part, instance);
                    long after = system.pid(part, instance);
                    String name = part.name().toLowerCase() + " instance " + (instance + 1);
                    observations.add(name + " restarted in "
                            + Duration.ofNanos(System.nanoTime() - restartAt).toMillis() + " ms");
                    if (after == before) {
                        findings.add(name + " is still process " + before + ": it was not restarted");
                    }
                }
            }
            // Recovery is measured from the last instance's stop: the probe is given its time after the whole roll.
            return lastRestartAt;
        });
    }
}
