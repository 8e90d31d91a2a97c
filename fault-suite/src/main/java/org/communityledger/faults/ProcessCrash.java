package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenarios 1 and 4: one process is killed with SIGKILL under load and started again after a short outage.
 * Clients retry with their idempotency keys; the publisher resumes from its last token.
 */
final class ProcessCrash implements Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(2);

    private final String number;
    private final LocalSystem.Part part;

    private ProcessCrash(String number, LocalSystem.Part part) {
        this.number = number;
        this.part = part;
    }

    static ProcessCrash ofCommandService() {
        return new ProcessCrash("1", LocalSystem.Part.COMMAND);
    }

    static ProcessCrash ofBroker() {
        return new ProcessCrash("4", LocalSystem.Part.KAFKA);
    }

    @Override
    public String number() {
        return number;
    }

    @Override
    public String title() {
        return part == LocalSystem.Part.COMMAND ? "kill -9 the command service under load, restart it"
                : "kill -9 the Kafka broker mid-publish, restart it";
    }

    @Override
    public Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (system, communities, observations, findings) -> {
            long killedAt = System.nanoTime();
            system.system().kill(part);
            Rest.sleep(OUTAGE);
            system.system().restart(part);
            return killedAt;
        });
    }
}
