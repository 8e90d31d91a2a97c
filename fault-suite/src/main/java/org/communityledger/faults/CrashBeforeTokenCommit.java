package org.communityledger.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 2: the command service dies after Kafka acknowledged a batch but before the publisher's token
 * commit. The publisher's transaction stores the token first, sends the batch, waits for the broker's
 * acknowledgements and then commits. The suite installs, for the moment of the fault only, a deferred trigger
 * on the token table that makes that commit wait for a row the suite holds: the publisher stops exactly after
 * the acknowledgements, and the kill lands there. The trigger then fails the orphaned commit, as a commit
 * that the dead process never sent. The restarted publisher sends the batch again (the repeats on the topic
 * prove the window was hit) and the views must absorb them.
 */
final class CrashBeforeTokenCommit extends Scenario {

    private static final String CREATE_GATE = """
            create table public.fault_gate (name text primary key);
            insert into public.fault_gate values ('token-commit');
            """;
    // SECURITY DEFINER: the hook fires in the command service's transaction, whose role may not read the suite's
    // gate; it runs with the rights of the superuser who installs it.
    private static final String INSTALL_HOOK = """
            create function public.fault_token_commit() returns trigger language plpgsql security definer as $$
            begin
                perform 1 from public.fault_gate where name = 'token-commit' for share;
                raise exception 'fault suite: the publisher died before this commit';
            end $$;
            create constraint trigger fault_token_commit after update on ledger.token_entry
                deferrable initially deferred for each row
                when (new.processor_name = 'kafka-publisher')
                execute function public.fault_token_commit();
            """;
    private static final String REMOVE_HOOK = """
            drop trigger if exists fault_token_commit on ledger.token_entry;
            drop function if exists public.fault_token_commit();
            drop table if exists public.fault_gate;
            """;
    private static final String GATE = "select * from public.fault_gate where name = ? for update";

    CrashBeforeTokenCommit() {
        super("2", "kill -9 the command service between Kafka's ack and the token commit");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            long before = repeats(fault, communities);
            long killedAt;
            execute(fault, REMOVE_HOOK);
            execute(fault, CREATE_GATE);
            try {
                try (RowLock gate = RowLock.hold(fault.store(), GATE, "token-commit")) {
                    execute(fault, INSTALL_HOOK);
                    if (!RowLock.awaitWaiter(fault.store(), "commit%", Duration.ofSeconds(15))) {
                        findings.add("the publisher never reached its token commit within 15 s");
                    }
                    killedAt = System.nanoTime();
                    fault.system().kill(LocalSystem.Part.COMMAND);
                }
            } finally {
                // The gate is open again: the orphaned commit has failed, and nothing may meet the hook after this.
                execute(fault, REMOVE_HOOK);
            }
            fault.system().restart(LocalSystem.Part.COMMAND);
            // The restarted publisher claims the token once the dead one's claim expired, then sends again.
            long repeats = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (repeats == 0 && System.nanoTime() < deadline) {
                Rest.sleep(Duration.ofSeconds(1));
                repeats = repeats(fault, communities) - before;
            }
            observations.add(repeats + " records of its communities published a second time after the restart");
            if (repeats == 0) {
                findings.add("nothing was published twice: the kill did not land between ack and token commit");
            }
            return killedAt;
        });
    }

    private static void execute(Drill drill, String sql) throws SQLException {
        try (Connection connection = drill.store().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long repeats(Drill drill, List<String> communities) {
        return drill.topic().versionsOf(Set.copyOf(communities)).values().stream()
                .mapToLong(versions -> LedgerCheck.TopicOrder.of(versions).repeats()).sum();
    }
}
