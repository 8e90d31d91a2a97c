package org.communityledger.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.communityledger.client.command.CommandOptions;

/**
 * Scenario 8 (also an integration test of the command service, ConflictingCommandsIT): fifty clients released
 * at once on one community with commands of which only one can win — the same organisation joining, and joins
 * conditional on the same version. One is acknowledged; the rest get 409 or 412 problems; no gap.
 */
final class ConflictingCommands extends Scenario {

    private static final int CLIENTS = 50;

    ConflictingCommands() {
        super("8", "50 concurrent conflicting commands on one community");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        String tag = Drill.tag(this);
        String community = drill.communities(tag, 1).get(0);
        List<RecordingLoad.Ack> acks = new ArrayList<>();
        List<String> observations = new ArrayList<>();
        List<String> findings = new ArrayList<>();

        Map<String, Integer> sameMember = race(drill, community, acks, findings,
                client -> "o" + tag, client -> CommandOptions.NONE);
        expectOneWinner("the same organisation joining", sameMember, 409, observations, findings);
        Map<String, Integer> sameVersion = race(drill, community, acks, findings,
                client -> "o" + tag + "-" + client, client -> CommandOptions.NONE.withExpectedVersion(2));
        expectOneWinner("joins with If-Match \"2\"", sameVersion, 412, observations, findings);

        Tally tally = drill.verify(List.of(community), acks);
        return Outcome.of(this, tally, null, observations, findings);
    }

    private static Map<String, Integer> race(Drill drill, String community, List<RecordingLoad.Ack> acks,
                                             List<String> findings, IntFunction<String> organization,
                                             IntFunction<CommandOptions> options)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> withoutProblemBody = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<RecordingLoad.Ack> won = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        String race = Long.toString(System.nanoTime(), 36);
        for (int client = 0; client < CLIENTS; client++) {
            int self = client;
            DrillCommands commands = drill.admin();
            Thread thread = new Thread(() -> {
                String key = "race-" + race + "-" + self;
                try {
                    start.await();
                    DrillCommands.Answer answer = commands.join(community, organization.apply(self),
                            options.apply(self).withIdempotencyKey(key));
                    outcomes.add(answer.outcome());
                    if (answer.accepted()) {
                        won.add(new RecordingLoad.Ack(key, organization.apply(self), community, answer.version(),
                                answer.position()));
                    } else if (!answer.problemBody()) {
                        withoutProblemBody.add("a refusal without a problem body: " + answer.describe());
                    }
                } catch (Exception e) {
                    outcomes.add("no answer (" + e.getClass().getSimpleName() + ")");
                }
            });
            clients.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread client : clients) {
            client.join();
        }
        acks.addAll(won);
        findings.addAll(withoutProblemBody);
        Map<String, Integer> tally = new TreeMap<>();
        outcomes.forEach(outcome -> tally.merge(outcome, 1, Integer::sum));
        return tally;
    }

    private static void expectOneWinner(String what, Map<String, Integer> outcomes, int loserStatus,
                                        List<String> observations, List<String> findings) {
        observations.add(what + ": " + outcomes);
        int winners = outcomes.getOrDefault("acknowledged", 0);
        if (winners != 1 || outcomes.getOrDefault(String.valueOf(loserStatus), 0) != CLIENTS - 1) {
            findings.add(what + ": expected 1 acknowledged and " + (CLIENTS - 1) + " × " + loserStatus
                    + ", got " + outcomes);
        }
    }
}
