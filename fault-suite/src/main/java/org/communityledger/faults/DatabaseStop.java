package org.communityledger.faults;

import java.time.Duration;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 3: PostgreSQL stops in immediate mode while commands are being appended, and starts again (crash
 * recovery from its WAL). Clients must see 503 problems meanwhile, never a 2xx for a command that was not
 * saved; the publisher and the projector must resume by themselves.
 *
 * <p>The launcher sends the SIGQUIT to the pid in {@code postmaster.pid}; when it cannot read that file it stops
 * the database the ordinary way, a clean shutdown that would test nothing. So the scenario refuses to start
 * without that pid, and afterwards requires PostgreSQL's own word that the next start had to recover from a crash.
 */
final class DatabaseStop extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** What PostgreSQL logs when it starts on a data directory it was not shut down cleanly from. */
    static final String CRASH_RECOVERY = "database system was not properly shut down; automatic recovery in progress";
    private static final Duration RECOVERY_LOGGED_WITHIN = Duration.ofSeconds(10);

    DatabaseStop() {
        super("3", "stop PostgreSQL (immediate) while appending, start it again");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            if (fault.system().pid(LocalSystem.Part.POSTGRES) <= 0) {
                throw new IllegalStateException("postmaster.pid cannot be read: the stop would be a clean shutdown,"
                        + " not a crash");
            }
            long recoveriesBefore = LogLines.containing(fault, LocalSystem.Part.POSTGRES, CRASH_RECOVERY);
            long stoppedAt = System.nanoTime();
            fault.system().kill(LocalSystem.Part.POSTGRES);
            Rest.sleep(OUTAGE);
            fault.system().restart(LocalSystem.Part.POSTGRES);
            long recoveries = awaitMoreThan(fault, recoveriesBefore) - recoveriesBefore;
            observations.add("PostgreSQL logged crash recovery on restart: " + (recoveries > 0 ? "yes" : "no"));
            if (recoveries == 0) {
                findings.add("PostgreSQL's log shows no crash recovery after the restart (\"" + CRASH_RECOVERY
                        + "\"): the database was stopped cleanly, not crashed");
            }
            return stoppedAt;
        });
    }

    /** The count of crash-recovery lines, once above {@code before} or when the time is up. */
    private static long awaitMoreThan(Drill drill, long before) throws Exception {
        long deadline = System.nanoTime() + RECOVERY_LOGGED_WITHIN.toNanos();
        long count = LogLines.containing(drill, LocalSystem.Part.POSTGRES, CRASH_RECOVERY);
        while (count <= before && System.nanoTime() < deadline) {
            Rest.sleep(Duration.ofMillis(250));
            count = LogLines.containing(drill, LocalSystem.Part.POSTGRES, CRASH_RECOVERY);
        }
        return count;
    }
}
