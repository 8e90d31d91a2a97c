package org.communityledger.faults;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 2: the command service dies after Kafka acknowledged a batch but before the publisher stored its
 * token, so the restarted publisher sends that batch again. Under steady load the publisher is almost always
 * somewhere in that cycle; the scenario kills it again (up to a bound) until the topic shows repeated records
 * for its communities, which proves the window was hit, and then checks that the views absorbed them.
 */
final class CrashBeforeTokenCommit implements Scenario {

    private static final int MAX_KILLS = 5;

    @Override
    public String number() {
        return "2";
    }

    @Override
    public String title() {
        return "kill -9 the command service between Kafka's ack and the token commit";
    }

    @Override
    public Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, communities, observations, findings) -> {
            long repeats = 0;
            int kills = 0;
            long killedAt = 0;
            while (repeats == 0 && kills < MAX_KILLS) {
                kills++;
                killedAt = System.nanoTime();
                fault.system().kill(LocalSystem.Part.COMMAND);
                fault.system().restart(LocalSystem.Part.COMMAND);
                // The restarted publisher needs a moment to send again what it had not recorded as sent.
                Rest.sleep(Duration.ofSeconds(3));
                repeats = repeats(fault, communities);
            }
            observations.add(kills + " kill(s); " + repeats + " records published twice");
            if (repeats == 0) {
                findings.add("no kill in " + MAX_KILLS + " landed between Kafka's ack and the token commit");
            }
            return killedAt;
        });
    }

    private static long repeats(Drill drill, List<String> communities) {
        return drill.topic().versionsOf(Set.copyOf(communities)).values().stream()
                .mapToLong(versions -> LedgerCheck.TopicOrder.of(versions).repeats()).sum();
    }
}
