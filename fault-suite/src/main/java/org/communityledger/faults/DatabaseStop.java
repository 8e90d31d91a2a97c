package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 3: PostgreSQL stops in immediate mode while commands are being appended, and starts again (crash
 * recovery from its WAL). Clients must see 503 problems meanwhile, never a 2xx for a command that was not
 * saved; the publisher and the projector must resume by themselves.
 */
final class DatabaseStop implements Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(6);

    @Override
    public String number() {
        return "3";
    }

    @Override
    public String title() {
        return "stop PostgreSQL (immediate) while appending, start it again";
    }

    @Override
    public Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, communities, observations, findings) -> {
            long stoppedAt = System.nanoTime();
            fault.system().kill(LocalSystem.Part.POSTGRES);
            Rest.sleep(OUTAGE);
            fault.system().restart(LocalSystem.Part.POSTGRES);
            return stoppedAt;
        });
    }
}
