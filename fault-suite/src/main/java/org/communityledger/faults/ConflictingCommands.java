package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * Scenario 8 (also an integration test of the command service, ConflictingCommandsIT): fifty clients released
 * at once on one community with commands of which only one can win — the same organisation joining, and joins
 * conditional on the same version. One is acknowledged; the rest get 409 or 412 problems; no gap.
 */
final class ConflictingCommands implements Scenario {

    private static final int CLIENTS = 50;

    @Override
    public String number() {
        return "8";
    }

    @Override
    public String title() {
        return "50 concurrent conflicting commands on one community";
    }

    @Override
    public Outcome run(Drill drill) throws Exception {
        String tag = Drill.tag(this);
        String community = drill.communities(tag, 1).get(0);
        List<RecordingLoad.Ack> acks = new ArrayList<>();
        List<String> observations = new ArrayList<>();
        List<String> findings = new ArrayList<>();

        Map<Integer, Integer> sameMember = race(drill, community, acks, findings,
                client -> "o" + tag, client -> Map.of());
        expectOneWinner("the same organisation joining", sameMember, 409, observations, findings);
        Map<Integer, Integer> sameVersion = race(drill, community, acks, findings,
                client -> "o" + tag + "-" + client, client -> Map.of("If-Match", "\"2\""));
        expectOneWinner("joins with If-Match \"2\"", sameVersion, 412, observations, findings);

        Tally tally = drill.verify(List.of(community), acks);
        return Outcome.of(this, tally, null, observations, findings);
    }

    private static Map<Integer, Integer> race(Drill drill, String community, List<RecordingLoad.Ack> acks,
                                              List<String> findings, IntFunction<String> organization,
                                              IntFunction<Map<String, String>> headers)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<LedgerHttp.Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<RecordingLoad.Ack> won = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        String race = Long.toString(System.nanoTime(), 36);
        for (int client = 0; client < CLIENTS; client++) {
            int self = client;
            LedgerHttp http = drill.admin();
            Thread thread = new Thread(() -> {
                String key = "race-" + race + "-" + self;
                Map<String, String> sent = new HashMap<>(headers.apply(self));
                sent.put("Idempotency-Key", key);
                try {
                    start.await();
                    LedgerHttp.Answer answer = http.post("/api/communities/" + community + "/members",
                            LedgerHttp.joinBody(organization.apply(self)), sent, Duration.ofSeconds(60));
                    answers.add(answer);
                    if (answer.accepted()) {
                        won.add(new RecordingLoad.Ack(key, organization.apply(self), community, answer.version(),
                                answer.position()));
                    }
                } catch (Exception e) {
                    answers.add(new LedgerHttp.Answer(-1, null, e.toString()));
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
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (LedgerHttp.Answer answer : answers) {
            statuses.merge(answer.status(), 1, Integer::sum);
            if (!answer.accepted() && !answer.problem()) {
                findings.add("a refusal without a problem body: " + answer.status() + " " + Text.clip(answer.body()));
            }
        }
        return statuses;
    }

    private static void expectOneWinner(String what, Map<Integer, Integer> statuses, int loserStatus,
                                        List<String> observations, List<String> findings) {
        observations.add(what + ": " + statuses);
        int winners = statuses.entrySet().stream().filter(status -> status.getKey() / 100 == 2)
                .mapToInt(Map.Entry::getValue).sum();
        if (winners != 1 || statuses.getOrDefault(loserStatus, 0) != CLIENTS - 1) {
            findings.add(what + ": expected 1 acknowledged and " + (CLIENTS - 1) + " × " + loserStatus
                    + ", got " + statuses);
        }
    }
}
