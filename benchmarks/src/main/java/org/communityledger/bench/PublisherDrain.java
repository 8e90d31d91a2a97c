package org.communityledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityledger.launcher.ProcessCpu;

/**
 * P4 alone and repeated ({@code ./ledger bench --drain N}), for work on the publisher: the plan's backlog seeded and
 * drained into Kafka N times on one system, each round with the CPU it cost per event, from /proc. A full plan takes
 * a quarter of an hour for one P4; here each round takes under a minute, and the CPU per event varies far less
 * between rounds than the rate, which follows whatever else the two cores are doing.
 *
 * <p>The query service stays paused (as in P4), so the drain is the publisher's alone. The first round also warms
 * the publisher's code up, so the medians are of the rounds after it.
 */
final class PublisherDrain {

    private final RawPostgres postgres;
    private final Map<String, Object> kafkaClient;
    private final String topic;
    private final Map<String, Long> pids;

    /** One drain: its rate, and microseconds of CPU per event by process (and the publisher's own threads). */
    record Round(double eventsPerSecond, double command, double publisherThreads, double kafka, double postgres) {
    }

    PublisherDrain(RawPostgres postgres, Map<String, Object> kafkaClient, String topic, Map<String, Long> pids) {
        this.postgres = postgres;
        this.kafkaClient = kafkaClient;
        this.topic = topic;
        this.pids = pids;
    }

    /** Seeds {@code backlog} events copied from {@code template} and times their drain, {@code rounds} times. */
    List<Round> run(String template, int backlog, int rounds) throws Exception {
        List<Round> done = new ArrayList<>();
        long command = pids.get("membership-command");
        for (int round = 1; round <= rounds; round++) {
            try (TopicEnd events = new TopicEnd(kafkaClient, topic)) {
                long target = events.records() + backlog;
                new HistorySeeder(postgres).seed(template, 1_000, backlog);
                Map<String, Double> threadsBefore = ProcessCpu.secondsByThreadOf(command);
                double commandBefore = ProcessCpu.ownSecondsOf(command);
                double kafkaBefore = ProcessCpu.secondsOf(pids.get("kafka"));
                double postgresBefore = ProcessCpu.secondsOf(pids.get("postgres"));
                long start = System.nanoTime();
                while (events.records() < target) {
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double perEvent = 1e6 / backlog;
                Round measured = new Round(backlog / seconds,
                        (ProcessCpu.ownSecondsOf(command) - commandBefore) * perEvent,
                        publisherThreads(threadsBefore, ProcessCpu.secondsByThreadOf(command)) * perEvent,
                        (ProcessCpu.secondsOf(pids.get("kafka")) - kafkaBefore) * perEvent,
                        (ProcessCpu.secondsOf(pids.get("postgres")) - postgresBefore) * perEvent);
                System.out.printf("  round %d: %,.0f events/s; CPU µs per event: command service %.1f (publishing "
                                + "threads %.1f), Kafka %.1f, PostgreSQL %.1f%n", round, measured.eventsPerSecond(),
                        measured.command(), measured.publisherThreads(), measured.kafka(), measured.postgres());
                done.add(measured);
            }
        }
        return done;
    }

    /**
     * The CPU of the publisher's processor thread and of the Kafka producer's sender, as /proc names them (cut to
     * 15 characters). The rest of the command service's CPU in a drain is the transparency log sealing the same
     * events, the collector and the compilers.
     */
    private static double publisherThreads(Map<String, Double> before, Map<String, Double> after) {
        double seconds = 0;
        for (Map.Entry<String, Double> thread : after.entrySet()) {
            if (thread.getKey().startsWith("EventProcessor") || thread.getKey().startsWith("kafka-producer")) {
                seconds += thread.getValue() - before.getOrDefault(thread.getKey(), 0.0);
            }
        }
        return seconds;
    }
}
