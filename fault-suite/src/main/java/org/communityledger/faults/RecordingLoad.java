package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.communityledger.client.LedgerClientException;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.command.CommandOptions;

/**
 * A steady stream of member joins from a few client threads, each command sent with an idempotency key of its
 * own and retried with the same key until it is acknowledged, exactly as a careful client would behave across
 * an outage. Records every acknowledgement and every other answer. With several command instances the clients
 * are spread over them, and a client whose instance does not answer retries on the next, as behind a load
 * balancer.
 */
final class RecordingLoad implements AutoCloseable {

    /** A command the system acknowledged: its key, and the community, version and position it answered. */
    record Ack(String key, String organizationId, String communityId, long version, long position) {
    }

    /** An answer that is neither an acknowledgement nor worth a retry: a defect in a run without bad input. */
    record Refusal(String key, int status, String body) {
    }

    private static final Duration RETRY_FOR = Duration.ofMinutes(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final List<String> commandUrls;
    private final List<String> communities;
    private final String tag;
    private final Duration pause;
    private final AtomicBoolean issuing = new AtomicBoolean(true);
    private final AtomicLong commands = new AtomicLong();
    private final Map<String, Ack> acks = new ConcurrentHashMap<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final Map<Integer, LongAdder> retriedStatuses = new ConcurrentSkipListMap<>();
    private final LongAdder retriedWithoutProblemBody = new LongAdder();
    private final LongAdder transportFailures = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder retriedCommands = new LongAdder();
    /** Keys sent and not yet acknowledged, refused or given up on: a command still being retried. */
    private final Set<String> unsettled = ConcurrentHashMap.newKeySet();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean longNames;

    /**
     * @param pause the rest each client takes between two commands, which sets the load's pace
     */
    RecordingLoad(String commandUrl, List<String> communities, String tag, int clients, Duration pause) {
        this(List.of(commandUrl), communities, tag, clients, pause);
    }

    RecordingLoad(List<String> commandUrls, List<String> communities, String tag, int clients, Duration pause) {
        this.commandUrls = List.copyOf(commandUrls);
        this.communities = List.copyOf(communities);
        this.tag = tag;
        this.pause = pause;
        for (int client = 0; client < clients; client++) {
            int first = client;
            Thread thread = new Thread(() -> issue(first), "load-" + tag + "-" + client);
            thread.setDaemon(true);
            this.clients.add(thread);
        }
    }

    /**
     * Members get names of the longest kind allowed (200 characters, mostly CJK: 570 bytes in UTF-8), so that each
     * change weighs about a kilobyte on a stream (946 bytes measured): a load that fills a stalled client's buffers
     * sooner.
     */
    RecordingLoad withLongNames() {
        longNames = true;
        return this;
    }

    RecordingLoad start() {
        clients.forEach(Thread::start);
        return this;
    }

    /** Stops issuing new commands; those in flight are still retried until acknowledged or given up on. */
    void finish(Duration within) throws InterruptedException {
        issuing.set(false);
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread client : clients) {
            client.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    @Override
    public void close() throws InterruptedException {
        finish(RETRY_FOR.plusSeconds(30));
    }

    private void issue(int client) {
        Instances instances = new Instances(client);
        while (issuing.get() && !Thread.currentThread().isInterrupted()) {
            long number = commands.incrementAndGet();
            String organizationId = "f" + tag + "-" + number;
            String communityId = communities.get((int) (number % communities.size()));
            send(instances, tag + "-" + number, organizationId, communityId);
            Rest.sleep(pause);
        }
    }

    /** One client's way to the command instances: the one it uses, and the next when that does not answer. */
    private final class Instances {

        private final List<DrillCommands> clients = commandUrls.stream()
                .map(url -> new DrillCommands(url, REQUEST_TIMEOUT)).toList();
        private int current;

        Instances(int client) {
            current = client % clients.size();
        }

        DrillCommands current() {
            return clients.get(current);
        }

        void failOver() {
            current = (current + 1) % clients.size();
        }
    }

    private void send(Instances instances, String key, String organizationId, String communityId) {
        unsettled.add(key);
        if (trySend(instances, key, organizationId, communityId)) {
            unsettled.remove(key);
        }
    }

    /**
     * Sends the command until it is acknowledged, refused or given up on (true); false when the client was
     * interrupted first, which leaves the command unsettled: nobody knows whether it was stored.
     */
    private boolean trySend(Instances instances, String key, String organizationId, String communityId) {
        long giveUpAt = System.nanoTime() + RETRY_FOR.toNanos();
        for (int attempt = 1; System.nanoTime() < giveUpAt; attempt++) {
            if (attempt == 2) {
                retriedCommands.increment();
            }
            try {
                DrillCommands.Answer answer = instances.current().join(communityId, organizationId,
                        name(organizationId), CommandOptions.idempotent(key));
                if (answer.accepted()) {
                    acks.put(key, new Ack(key, organizationId, communityId, answer.version(), answer.position()));
                    return true;
                }
                if (answer.status() < 500 && answer.status() != 429) {
                    refusals.add(new Refusal(key, answer.status(), Text.clip(answer.refusal().getMessage())));
                    return true;
                }
                retriedStatuses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
                if (!answer.problemBody()) {
                    retriedWithoutProblemBody.increment();
                }
            } catch (LedgerClientException e) {
                if (e instanceof LedgerProblemException) {
                    throw e;
                }
                // The client was interrupted (the load is stopping), the instance did not answer, or its answer was
                // cut short (killed while writing it): nobody knows whether the command was stored, so it is sent
                // again with its key.
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                transportFailures.increment();
                instances.failOver();
            }
            Rest.sleep(Duration.ofMillis(200));
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        abandoned.increment();
        return true;
    }

    /** The member's name: the drill's, or one of the longest the contract allows (200 characters, Chinese). */
    private String name(String organizationId) {
        if (!longNames) {
            return "Drill member " + organizationId;
        }
        String name = "产教融合共同体成员" + organizationId;
        return name + "长".repeat(200 - name.length());
    }

    Map<String, Ack> acks() {
        return Map.copyOf(acks);
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Commands that were still unacknowledged when their retries ran out. */
    long abandoned() {
        return abandoned.sum();
    }

    /**
     * Commands neither acknowledged, refused nor given up on: still being retried when the load was stopped (or
     * their client was interrupted). The check cannot tell whether they were stored, so they must not be ignored.
     */
    Set<String> unsettled() {
        return Set.copyOf(unsettled);
    }

    /** Commands sent more than once (same key) because an attempt failed. */
    long retriedCommands() {
        return retriedCommands.sum();
    }

    long transportFailures() {
        return transportFailures.sum();
    }

    long retriedWithoutProblemBody() {
        return retriedWithoutProblemBody.sum();
    }

    /** Statuses answered to attempts that were then retried (5xx, 429), with how often each was seen. */
    Map<Integer, Long> retriedStatuses() {
        Map<Integer, Long> seen = new TreeMap<>();
        retriedStatuses.forEach((status, count) -> seen.put(status, count.sum()));
        return seen;
    }

    /** What the clients went through, for the report. */
    List<String> observations() {
        return List.of(retriedCommands() + " commands resent with their key; failed attempts: answers "
                + retriedStatuses() + ", connection failures " + transportFailures());
    }

    /** What the clients saw that is wrong: refusals of retried commands, lost commands, non-problem errors. */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        refusals.stream().limit(5).forEach(refusal -> findings.add("a retried command was refused: "
                + refusal.status() + " " + refusal.body()));
        if (abandoned() > 0) {
            findings.add(abandoned() + " commands were never acknowledged within their retries");
        }
        Set<String> stillRetried = unsettled();
        if (!stillRetried.isEmpty()) {
            findings.add(stillRetried.size() + " commands were still unacknowledged and being retried when the load"
                    + " stopped, e.g. " + stillRetried.iterator().next());
        }
        // A part that is down or restarting is reported as 503 (retry later); anything else is a defect.
        retriedStatuses().forEach((status, count) -> {
            if (status != 503) {
                findings.add(count + " answers of " + status + " while a part was down (expected 503)");
            }
        });
        if (retriedWithoutProblemBody() > 0) {
            findings.add(retriedWithoutProblemBody() + " error answers had no problem body");
        }
        return findings;
    }
}
