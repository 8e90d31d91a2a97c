package org.communityledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.audit.ChainVerification;
import org.communityledger.client.rebuild.RebuildRequest;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.launcher.CheckpointKey;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.PausedProcess;

/**
 * {@code ./ledger bench [--quick] [--cluster]}: starts the whole system as {@code ./ledger up} does (on free
 * ports, in a fresh data directory of its own), measures the raw ceilings of its PostgreSQL and Kafka, then the
 * system's figures P1..P8, each as a ratio to its ceiling, stops what it started and writes the report. With
 * {@code --cluster} it then starts the production topology (three Kafka nodes, two instances of each service)
 * and measures P1 and P3 there too, against that system's own ceilings, in the same report.
 */
public final class LedgerBench {

    private static final String EVENTS_TOPIC = "membership.events";

    private final BenchPlan plan;
    private final boolean cluster;
    private final int drainRounds;
    private final int rebuildRounds;
    private final Path home;
    private final Report report = new Report();

    private LedgerBench(BenchPlan plan, boolean cluster, int drainRounds, int rebuildRounds, Path home) {
        this.plan = plan;
        this.cluster = cluster;
        this.drainRounds = drainRounds;
        this.rebuildRounds = rebuildRounds;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        BenchPlan plan = options.contains("--quick") ? BenchPlan.quick() : BenchPlan.full();
        Path home = Path.of(System.getProperty("ledger.home", ".")).toAbsolutePath().normalize();
        int repeat = count(options, "--repeat", 1);
        int drainRounds = count(options, "--drain", 0);
        int rebuildRounds = count(options, "--rebuild", 0);
        if (drainRounds > 0 && rebuildRounds > 0) {
            throw new IllegalArgumentException("--drain and --rebuild each measure one figure alone: give one of them");
        }
        List<Report> runs = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            if (repeat > 1) {
                System.out.printf("%n=== Run %d of %d ===%n", run, repeat);
            }
            LedgerBench bench = new LedgerBench(plan, options.contains("--cluster"), drainRounds, rebuildRounds, home);
            bench.run();
            runs.add(bench.report);
        }
        if (repeat > 1) {
            RepeatSummary summary = new RepeatSummary(runs);
            Path written = summary.write(home.resolve("bench-results"), plan.name());
            System.out.println();
            System.out.println(summary.markdown());
            System.out.println("Written to " + written + ".");
        }
    }

    /**
     * {@code --repeat N}: how many times the whole plan runs, each on a fresh system (default once);
     * {@code --drain N}: P4 alone, N rounds on one system; {@code --rebuild N}: P5 alone, N rounds on one system
     * (each default 0: the whole plan).
     */
    static int count(List<String> options, String option, int absent) {
        int at = options.indexOf(option);
        if (at < 0) {
            return absent;
        }
        if (at + 1 >= options.size() || !options.get(at + 1).matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException(option + " needs a number from 1 to 99");
        }
        return Integer.parseInt(options.get(at + 1));
    }

    /** Something measured on a running system. */
    private interface Measurement {
        void on(LocalSystem system) throws Exception;
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        runOn(LaunchSettings.onFreePorts(home, home.resolve(".ledger-data").resolve("bench")), "system",
                drainRounds > 0 ? this::measureDrains : rebuildRounds > 0 ? this::measureRebuilds : this::measure);
        if (cluster) {
            runOn(LaunchSettings.clusterOnFreePorts(home, home.resolve(".ledger-data").resolve("bench-cluster")),
                    "cluster", this::measureCluster);
        }
        report.machine("run time", String.format("%.0f s", (System.nanoTime() - started) / 1e9));
        Path written = report.write(home.resolve("bench-results"),
                plan.name() + (cluster ? "-cluster" : "") + (drainRounds > 0 ? "-drain" : "")
                        + (rebuildRounds > 0 ? "-rebuild" : ""));
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + written + " (and .json beside it).");
    }

    private void runOn(LaunchSettings settings, String what, Measurement measurement) throws Exception {
        Path dataDir = settings.dataDir();
        // A bench that was interrupted may have left its processes behind; their pid files are in the data
        // directory, so they are stopped before it is wiped.
        LocalSystem.stopLeftovers(settings);
        deleteRecursively(dataDir);
        System.out.println("Starting the " + what + " for the " + plan.name() + " benchmark (data in " + dataDir
                + ") ...");
        LocalSystem system = LocalSystem.start(settings);
        Thread stopOnInterrupt = new Thread(system::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            measurement.on(system);
        } finally {
            system.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // interrupted: the hook is stopping the system already
            }
        }
    }

    /**
     * P1 and P3 on the production topology: the load spread over both command instances, the stream read from
     * one query instance, against the ceilings of the same PostgreSQL and of Kafka with three replicas.
     */
    private void measureCluster(LocalSystem system) throws Exception {
        RawPostgres postgres = new RawPostgres(system.settings().jdbcUrl());
        System.out.println("Cluster: raw ceilings ...");
        double pgMany = postgres.commitsPerSecond(BenchPlan.MANY_CLIENTS, plan.rawPostgres());
        postgres.dropScratch();
        report.add(Figure.ceiling("raw PG 16 (cluster run)", "INSERT+COMMIT of a 550 B row, 16 clients", pgMany,
                "commits/s", ""));
        int partitions;
        try (TopicEnd events = new TopicEnd(system.settings().kafkaClientProperties(), EVENTS_TOPIC)) {
            partitions = events.partitions();
        }
        RawKafka kafka = new RawKafka(system.settings().bootstrapServers(), home.resolve("local-kafka/target/kafka-lib"),
                partitions, (short) 3);
        double produce = kafka.produce(plan.rawKafkaRecords());
        report.add(Figure.ceiling("raw Kafka produce (3 nodes)", "ProducerPerformance", produce, "records/s",
                String.format("%,d records of 600 B, %d partitions, 3 replicas, min.insync.replicas=2, acks=all",
                        plan.rawKafkaRecords(), partitions)));

        System.out.println("Cluster: commands over HTTP through both command instances ...");
        BenchCommands admin = new BenchCommands(system.commandUrl());
        List<String> communities = new ArrayList<>();
        for (int i = 0; i < plan.communities(); i++) {
            communities.add(admin.establish("Cluster benchmark community " + i));
        }
        CommandLoad load = new CommandLoad(system.commandUrls(), communities, "c" + System.currentTimeMillis() % 100000);
        load.run(BenchPlan.MANY_CLIENTS, plan.warmUp(), 0, null);
        CommandLoad.Result many = load.run(BenchPlan.MANY_CLIENTS, plan.manyClients(), 0, null);
        report.add(Figure.ratioTo("P1 cluster", "member joins/s over HTTP, 16 clients over 2 command instances, "
                        + communities.size() + " communities", many.perSecond(), "commands/s", pgMany, 0.25,
                loadDetail(many)));

        System.out.println("Cluster: command to stream latency ...");
        double half = many.perSecond() / 2;
        LiveLatency.Result live = new LiveLatency(system.queryUrl(), load).measure(4, half, plan.liveLatency());
        report.add(new Figure("P3 cluster", String.format("command 2xx → change on /api/stream at %.0f commands/s",
                half), live.latency().getValueAtPercentile(50) / 1000.0, "ms p50", Double.NaN,
                "p50 ≤ 50 ms, p99 ≤ 250 ms, every change seen", live.met(), live.detail()));
    }

    /** {@code --drain N}: the raw produce ceiling, then P4 N times with its CPU per event ({@link PublisherDrain}). */
    private void measureDrains(LocalSystem system) throws Exception {
        RawPostgres postgres = new RawPostgres(system.settings().jdbcUrl());
        describeMachine(postgres);
        int partitions;
        try (TopicEnd events = new TopicEnd(system.settings().kafkaClientProperties(), EVENTS_TOPIC)) {
            partitions = events.partitions();
        }
        double produce = new RawKafka(system.settings().bootstrapServers(),
                home.resolve("local-kafka/target/kafka-lib"), partitions).produce(plan.rawKafkaRecords());
        report.add(Figure.ceiling("raw Kafka produce", "ProducerPerformance", produce, "records/s",
                String.format("%,d records of 600 B, %d partitions, acks=all, idempotent", plan.rawKafkaRecords(),
                        partitions)));
        BenchCommands admin = new BenchCommands(system.commandUrl());
        String template = admin.establish("P4 template community");
        admin.join(template, "p4-template-member");
        awaitPublished(system, Duration.ofSeconds(30));
        System.out.printf("Draining %d backlogs of %,d events into Kafka ...%n", drainRounds, plan.backlogEvents());
        List<PublisherDrain.Round> rounds;
        try (PausedProcess query = PausedProcess.of(system.pids().get("membership-query"))) {
            rounds = new PublisherDrain(postgres, system.settings().kafkaClientProperties(), EVENTS_TOPIC,
                    system.pids()).run(template, plan.backlogEvents(), drainRounds);
        }
        for (int i = 0; i < rounds.size(); i++) {
            PublisherDrain.Round round = rounds.get(i);
            report.add(Figure.ratioTo("P4", String.format("publisher drain of %,d stored events, round %d",
                    plan.backlogEvents(), i + 1), round.eventsPerSecond(), "events/s", produce, 0.30,
                    String.format("CPU µs per event: command service %.1f (publishing threads %.1f), Kafka %.1f, "
                                    + "PostgreSQL %.1f%s", round.command(), round.publisherThreads(), round.kafka(),
                            round.postgres(), i == 0 ? "; warms the publisher up, not in the medians" : "")));
        }
        List<PublisherDrain.Round> warm = rounds.size() > 1 ? rounds.subList(1, rounds.size()) : rounds;
        report.add(Figure.ratioTo("P4", "publisher drain, median of the rounds after the first",
                median(warm, PublisherDrain.Round::eventsPerSecond), "events/s", produce, 0.30,
                warm.size() + " rounds"));
        report.add(new Figure("P4 CPU", "command service's CPU per drained event, median of the rounds after the "
                + "first", median(warm, PublisherDrain.Round::command), "µs/event", Double.NaN,
                "", null, String.format("publishing threads %.1f, Kafka %.1f, PostgreSQL %.1f µs/event (medians)",
                median(warm, PublisherDrain.Round::publisherThreads),
                median(warm, PublisherDrain.Round::kafka),
                median(warm, PublisherDrain.Round::postgres))));
    }

    private static <T> double median(List<T> rounds, ToDoubleFunction<T> figure) {
        return RepeatSummary.median(rounds.stream().map(figure::applyAsDouble).toList());
    }

    /**
     * {@code --rebuild N}: the raw consume ceiling, the topic topped up as for P5, then P5 N times with its CPU per
     * record ({@link ProjectionRebuilds}).
     */
    private void measureRebuilds(LocalSystem system) throws Exception {
        describeMachine(new RawPostgres(system.settings().jdbcUrl()));
        int partitions;
        try (TopicEnd events = new TopicEnd(system.settings().kafkaClientProperties(), EVENTS_TOPIC)) {
            partitions = events.partitions();
        }
        RawKafka kafka = new RawKafka(system.settings().bootstrapServers(),
                home.resolve("local-kafka/target/kafka-lib"), partitions);
        // Consume measures a topic that produce filled, as in the whole plan.
        kafka.produce(plan.rawKafkaRecords());
        double consume = kafka.consume(plan.rawKafkaRecords());
        report.add(Figure.ceiling("raw Kafka consume", "ConsumerPerformance (fetch rate)", consume, "records/s",
                String.format("%,d records of 600 B, %d partitions", plan.rawKafkaRecords(), partitions)));
        long records = topUpForRebuild(system);
        System.out.printf("Rebuilding the views %d times from %,d records ...%n", rebuildRounds, records);
        // Each round waits for its rebuild to end, however slow, so that the next one is not refused.
        List<ProjectionRebuilds.Round> rounds = rebuilds(system, Duration.ofMinutes(15)).run(rebuildRounds);
        for (int i = 0; i < rounds.size(); i++) {
            ProjectionRebuilds.Round round = rounds.get(i);
            Figure figure = rebuildFigure(round.status(), records, consume);
            report.add(new Figure(figure.id(), figure.what() + ", round " + (i + 1), figure.value(), figure.unit(),
                    figure.ratio(), figure.target(), figure.met(), figure.detail() + String.format("; CPU µs per "
                            + "record: query service %.1f (rebuild thread %.1f), Kafka %.1f, PostgreSQL %.1f%s",
                    round.query(), round.rebuildThread(), round.kafka(), round.postgres(),
                    i == 0 ? "; warms the rebuild up, not in the medians" : "")));
        }
        List<ProjectionRebuilds.Round> warm = rounds.size() > 1 ? rounds.subList(1, rounds.size()) : rounds;
        report.add(Figure.ratioTo("P5", "projection rebuild, median of the rounds after the first",
                median(warm, round -> round.status() == null ? 0 : round.status().eventsPerSecond()), "events/s",
                consume, 0.10, warm.stream().allMatch(round -> round.status() != null
                        && round.status().state() == RebuildState.SWITCHED && round.status().eventsApplied() >= records),
                warm.size() + " rounds; met only when each of them switched with every record applied"));
        report.add(new Figure("P5 CPU", "query service's CPU per rebuilt record, median of the rounds after the "
                + "first", median(warm, ProjectionRebuilds.Round::query), "µs/record", Double.NaN, "", null,
                String.format("rebuild thread %.1f, Kafka %.1f, PostgreSQL %.1f µs/record (medians)",
                        median(warm, ProjectionRebuilds.Round::rebuildThread),
                        median(warm, ProjectionRebuilds.Round::kafka),
                        median(warm, ProjectionRebuilds.Round::postgres))));
    }

    private void measure(LocalSystem system) throws Exception {
        RawPostgres postgres = new RawPostgres(system.settings().jdbcUrl());
        describeMachine(postgres);
        String commandUrl = system.commandUrl();

        System.out.println("Raw ceilings ...");
        double pgOne = postgres.commitsPerSecond(1, plan.rawPostgres());
        double pgMany = postgres.commitsPerSecond(BenchPlan.MANY_CLIENTS, plan.rawPostgres());
        postgres.dropScratch();
        report.add(Figure.ceiling("raw PG 1", "INSERT+COMMIT of a 550 B row, 1 client", pgOne, "commits/s", ""));
        report.add(Figure.ceiling("raw PG 16", "INSERT+COMMIT of a 550 B row, 16 clients", pgMany, "commits/s", ""));
        int partitions;
        try (TopicEnd events = new TopicEnd(system.settings().kafkaClientProperties(), EVENTS_TOPIC)) {
            partitions = events.partitions();
        }
        RawKafka kafka = new RawKafka(system.settings().bootstrapServers(),
                home.resolve("local-kafka/target/kafka-lib"), partitions);
        double produce = kafka.produce(plan.rawKafkaRecords());
        double consume = kafka.consume(plan.rawKafkaRecords());
        String kafkaDetail = String.format("%,d records of 600 B, %d partitions, acks=all, idempotent",
                plan.rawKafkaRecords(), partitions);
        report.add(Figure.ceiling("raw Kafka produce", "ProducerPerformance", produce, "records/s", kafkaDetail));
        report.add(Figure.ceiling("raw Kafka consume", "ConsumerPerformance (fetch rate)", consume, "records/s",
                kafkaDetail));

        System.out.println("Commands over HTTP ...");
        BenchCommands admin = new BenchCommands(commandUrl);
        List<String> communities = new ArrayList<>();
        for (int i = 0; i < plan.communities(); i++) {
            communities.add(admin.establish("Benchmark community " + i));
        }
        CommandLoad load = new CommandLoad(commandUrl, communities, "r" + System.currentTimeMillis() % 100000);
        // Warm-up, not measured: the services' JIT compilers, connection pools and caches settle first.
        load.run(BenchPlan.MANY_CLIENTS, plan.warmUp(), 0, null);

        CommandLoad.Result single = load.run(1, plan.singleClient(), 0, null);
        report.add(Figure.ratioTo("P2", "member joins/s over HTTP, 1 client", single.perSecond(), "commands/s", pgOne,
                0.10, loadDetail(single)));

        CommandLoad.Result many;
        Map<String, Long> peaks;
        CpuPerCommand commandCpu = new CpuPerCommand(system.pids());
        CpuPerCommand.Start cpuStart = commandCpu.start();
        try (MemoryWatch memory = new MemoryWatch(servicePids(system))) {
            many = load.run(BenchPlan.MANY_CLIENTS, plan.manyClients(), 0, null);
            peaks = memory.peaks();
        }
        String applied = awaitApplied(system, Duration.ofMinutes(2));
        report.add(commandCpu.figure(cpuStart, many.accepted(), applied));
        report.add(Figure.ratioTo("P1", "member joins/s over HTTP, 16 clients, " + communities.size() + " communities",
                many.perSecond(), "commands/s", pgMany, 0.25, loadDetail(many)));
        peaks.forEach((service, megabytes) -> report.add(new Figure("P8", "peak RSS of " + service + " during P1",
                megabytes, "MB", Double.NaN, "≤ 512 MB", megabytes <= 512, "sampled every 200 ms")));

        System.out.println("Command to stream latency ...");
        double half = many.perSecond() / 2;
        LiveLatency.Result live = new LiveLatency(system.queryUrl(), load).measure(4, half, plan.liveLatency());
        long p50 = live.latency().getValueAtPercentile(50);
        report.add(new Figure("P3", String.format("command 2xx → change on /api/stream at %.0f commands/s", half),
                p50 / 1000.0, "ms p50", Double.NaN, "p50 ≤ 50 ms, p99 ≤ 250 ms, every change seen", live.met(),
                live.detail()));

        System.out.println("Idle ...");
        awaitApplied(system, Duration.ofMinutes(1));
        IdleStatements.Result idle = new IdleStatements(postgres, system.settings().logDir().resolve("postgres.log"))
                // Ten seconds for the tail of the load (the last leaves sealed, the last records applied) to end;
                // a window of a minute (the quick plan: half) holds each once-a-minute job once, as an hour would.
                .measure(Duration.ofSeconds(10), plan.idle());
        report.add(new Figure("idle", "statements/s PostgreSQL receives from a system with no commands",
                idle.perSecond(), "statements/s", Double.NaN, "≤ 2", idle.perSecond() <= 2, idle.detail()));

        System.out.println("Seeding a backlog and draining it into Kafka ...");
        String template = admin.establish("P4 template community");
        admin.join(template, "p4-template-member");
        awaitPublished(system, Duration.ofSeconds(30));
        long drainedBefore;
        long drainStart;
        List<String> seeded;
        // The query service would consume the backlog while it is published, and the figure would be the
        // machine's split between publisher and projector; it is paused meanwhile and catches up before P5.
        long queryPid = system.pids().get("membership-query");
        try (TopicEnd events = new TopicEnd(system.settings().kafkaClientProperties(), EVENTS_TOPIC);
             PausedProcess query = PausedProcess.of(queryPid)) {
            drainedBefore = events.records();
            seeded = new HistorySeeder(postgres).seed(template, plan.historyEvents(), plan.backlogEvents());
            drainStart = System.nanoTime();
            long target = drainedBefore + plan.backlogEvents();
            while (events.records() < target) {
                Thread.sleep(100);
                if (System.nanoTime() - drainStart > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("the publisher did not drain the backlog within 5 minutes");
                }
            }
        }
        double drain = plan.backlogEvents() / ((System.nanoTime() - drainStart) / 1e9);
        report.add(Figure.ratioTo("P4", String.format("publisher drain of %,d stored events into Kafka",
                plan.backlogEvents()), drain, "events/s", produce, 0.30, "query service paused meanwhile; "
                + minimum(plan.backlogEvents(), 200_000)));

        System.out.println("Latency on a long history ...");
        String longCommunity = seeded.get(0);
        Snapshots snapshots = new Snapshots(postgres);
        HistoryLatency historyLatency = new HistoryLatency(commandUrl);
        // The seeded history has no snapshot, as no service ever loaded it: its first command reads it in full
        // and the service's own snapshot trigger stores one (Axon's snapshotter, the service's serializer and
        // table), as it would have stored them along the way had the history been built over the API.
        long primingStart = System.nanoTime();
        HistoryLatency.Priming priming = historyLatency.prime(longCommunity);
        Snapshots.Snapshot primed = snapshots.await(longCommunity, plan.historyEvents(), Duration.ofMinutes(3));
        String primingNote = String.format("the seeded history had no snapshot; its first command (not measured "
                + "in P6) read all %,d events in %s%s, and the service's snapshotter %s", plan.historyEvents(),
                LatencyRecorder.ms(priming.micros()), priming.accepted() ? "" : " and was refused",
                primed == null || primed.sequence() < plan.historyEvents() ? "stored no snapshot of it within 3 min"
                        : String.format("stored one at event %,d (%,d kB) %.0f s after it was sent",
                        primed.sequence() + 1, primed.bytes() >> 10, (System.nanoTime() - primingStart) / 1e9));
        report.note("P6: " + primingNote);
        HistoryLatency.Result history = historyLatency.measure(longCommunity, plan.historyCommands());
        report.add(new Figure("P6 warm", String.format("p50 of joins on a %,d-event community / on a fresh one, "
                + "both loaded", plan.historyEvents()), history.ratioOfMedians(), "×", Double.NaN, "≤ 1.2",
                history.met(), String.format("long %s; fresh %s; errors %d; %s",
                LatencyRecorder.percentiles(history.longHistory()), LatencyRecorder.percentiles(history.fresh()),
                history.errors(), minimum(plan.historyEvents(), 100_000))));

        System.out.println("Audit ...");
        // P7 measures the audit's own path, as P4 the publisher's and P10 the proofs': the snapshots the P6
        // commands triggered (each a 1.75 MB write of the long community) are let finish, the backlog seeded for
        // P4 let seal and drain, and the query service, still consuming it, is paused meanwhile. The snapshotter
        // would have finished before the restart too, as it would on a service that was not killed.
        Snapshots.Snapshot beforeRestart = snapshots.settle(longCommunity, Duration.ofSeconds(3), Duration.ofMinutes(2));
        Settled settled = awaitSettled(system, Duration.ofMinutes(5));
        report.note("P7: measured once the snapshotter had settled and the transparency log had sealed "
                + settled.describe() + ", with the query service paused");
        CommandServiceClient auditor = BenchCommands.auditor(commandUrl);
        String verified = seeded.get(0);
        try (PausedProcess query = PausedProcess.of(system.pids().get("membership-query"))) {
            // Judged on the first call, which a user meets (its code paths not compiled yet); the second is reported,
            // and the CPU each call cost the command service and PostgreSQL.
            Map<String, Long> audited = new java.util.LinkedHashMap<>();
            audited.put("command service", system.pids().get("membership-command"));
            audited.put("PostgreSQL", system.pids().get("postgres"));
            CpuMeter cpu = new CpuMeter(audited);
            CpuMeter.Reading start = cpu.read();
            Timed<ChainVerification> coldVerify = Timed.of(() -> auditor.audit().verifyChain(verified));
            String coldVerifyCpu = cpu.since(start);
            start = cpu.read();
            Timed<ChainVerification> verify = Timed.of(() -> auditor.audit().verifyChain(verified));
            String verifyCpu = cpu.since(start);
            report.add(auditFigure("P7 verify", "verify one community's chain (%,d events)",
                    coldVerify.value().eventsChecked(), coldVerify.seconds(),
                    verify.value().eventsChecked(), verify.seconds(),
                    coldVerify.value().valid() && verify.value().valid(),
                    "valid=" + coldVerify.value().valid() + "/" + verify.value().valid()
                            + "; CPU of the first call: " + coldVerifyCpu + "; of the second: " + verifyCpu));
            start = cpu.read();
            Timed<long[]> coldExport = Timed.of(() -> countLines(auditor.export().export(null, null, null)));
            String coldExportCpu = cpu.since(start);
            start = cpu.read();
            Timed<long[]> export = Timed.of(() -> countLines(auditor.export().export(null, null, null)));
            String exportCpu = cpu.since(start);
            report.add(auditFigure("P7 export", "NDJSON export of the whole log (%,d events, "
                            + (coldExport.value()[1] >> 20) + " MB)", coldExport.value()[0], coldExport.seconds(),
                    export.value()[0], export.seconds(), true,
                    "CPU of the first call: " + coldExportCpu + "; of the second: " + exportCpu));
        }

        System.out.println("Latency on a long history after a restart ...");
        long lastEvent = snapshots.lastSequence(longCommunity);
        List<String> shortOnes = communities.subList(0, Math.min(10, communities.size()));
        long shortEvents = 0;
        for (String community : shortOnes) {
            shortEvents += snapshots.lastSequence(community) + 1;
        }
        // The P6 fresh community has more events than the snapshot threshold, so the service normally has a
        // snapshot of it: its first join after the restart takes the process's first snapshot read (reported).
        Snapshots.Snapshot warmUpSnapshot = snapshots.latest(history.freshCommunity());
        ColdHistoryLatency.Result cold = ColdHistoryLatency.measure(system, longCommunity, shortOnes,
                history.freshCommunity());
        report.add(new Figure("P6 cold", String.format("first join after a restart on the %,d-event community / "
                + "on short ones", lastEvent + 1), cold.ratio(), "×", Double.NaN, "≤ 1.2", cold.met(),
                String.format("long %s (%s)%s; first join on %d short communities (about %,d events each) p50 "
                        + "%s, max %s; the service's first commands after the restart, not in the figure: "
                        + "establishing a community %s, a join on the P6 fresh community (%s) %s; restart (kill -9, "
                        + "start, healthy) %.0f s; errors %d; %s", LatencyRecorder.ms(cold.longMicros()),
                        beforeRestart == null ? String.format("no snapshot: all %,d events read", lastEvent + 1)
                                : String.format("read from the service's snapshot of its first %,d events (%,d kB) "
                                + "and the %,d events after it", beforeRestart.sequence() + 1,
                                beforeRestart.bytes() >> 10, lastEvent - beforeRestart.sequence()),
                        cold.longAccepted() ? "" : ", refused", shortOnes.size(), shortEvents / shortOnes.size(),
                        LatencyRecorder.ms(cold.shortFirst().getValueAtPercentile(50)),
                        LatencyRecorder.ms(cold.shortFirst().getMaxValue()), LatencyRecorder.ms(cold.serviceFirstMicros()),
                        warmUpSnapshot == null ? "no snapshot" : String.format("snapshot of %,d events",
                                warmUpSnapshot.sequence() + 1), LatencyRecorder.ms(cold.firstSnapshotMicros()),
                        cold.restartSeconds(), cold.errors(), minimum(plan.historyEvents(), 100_000))));

        System.out.println("Projection rebuild ...");
        rebuild(system, consume);

        System.out.println("Transparency log proofs ...");
        // The query service would consume every seeded event meanwhile; it is paused, as it is for P4.
        try (PausedProcess query = PausedProcess.of(system.pids().get("membership-query"))) {
            proofs(system, postgres, template);
        }
    }

    /**
     * P10 (with the query service paused): the store topped up to the plan's size, the transparency log let seal all of it (and the publisher
     * drain it, so neither shares the machine with the measurement), then proofs against its checkpoint.
     */
    private void proofs(LocalSystem system, RawPostgres postgres, String template) throws Exception {
        long stored = countEvents(system);
        long sealStart = System.nanoTime();
        if (stored < plan.proofEvents()) {
            System.out.printf("  seeding %,d more events ...%n", plan.proofEvents() - stored);
            new HistorySeeder(postgres).seed(template, 1000, (int) (plan.proofEvents() - stored));
            sealStart = System.nanoTime();
        }
        Settled settled = awaitSettled(system, Duration.ofMinutes(10));
        long events = settled.stored();
        long sealed = settled.sealed();
        double sealSeconds = (settled.sealedAtNanos() - sealStart) / 1e9;
        if (sealed < events) {
            report.add(new Figure("P10", "inclusion and consistency proofs", 0, "ms p99", Double.NaN,
                    "p99 ≤ 50 ms", false, String.format("the transparency log sealed only %,d of %,d events in %.0f s",
                    sealed, events, sealSeconds)));
            return;
        }
        ProofLatency.Result proofs = new ProofLatency(BenchCommands.auditor(system.commandUrl()).proofs(), postgres)
                .measure(plan.proofSamples());
        // A sealing rate only where events were seeded for it: otherwise nothing was timed.
        String sealing = events > stored ? String.format(" (the %,d seeded events sealed at %,.0f events/s)",
                events - stored, (events - stored) / Math.max(sealSeconds, 0.001)) : "";
        String context = String.format("%,d leaves%s; %,d proofs of each kind, every one "
                        + "checked against the signed checkpoint (%d failed); one indexed read of a leaf over JDBC: %s; %s",
                proofs.treeSize(), sealing, plan.proofSamples(),
                proofs.failures(), LatencyRecorder.percentiles(proofs.indexedRead()),
                minimum(proofs.treeSize(), 1_000_000));
        report.add(new Figure("P10 inclusion", "inclusion proof over HTTP, random event",
                proofs.inclusion().getValueAtPercentile(99) / 1000.0, "ms p99", Double.NaN,
                "p99 ≤ 50 ms, every proof verifies", proofs.met(),
                LatencyRecorder.percentiles(proofs.inclusion()) + "; " + context));
        report.add(new Figure("P10 consistency", "consistency proof over HTTP, random earlier size",
                proofs.consistency().getValueAtPercentile(99) / 1000.0, "ms p99", Double.NaN,
                "p99 ≤ 50 ms, every proof verifies", proofs.met(),
                LatencyRecorder.percentiles(proofs.consistency())));
    }

    private void rebuild(LocalSystem system, double rawConsume) throws Exception {
        long records = topUpForRebuild(system);
        RebuildStatus status;
        try {
            status = rebuilds(system, plan.rebuildLimit()).rebuildOnce("benchmark P5");
        } catch (LedgerProblemException refused) {
            report.add(rebuildFigure("refused (" + refused.problem().describe() + ")", 0, records, 0, rawConsume,
                    ""));
            return;
        }
        report.add(rebuildFigure(status, records, rawConsume));
    }

    /** Rebuilds of this system's views, each followed for at most {@code limit}. */
    private static ProjectionRebuilds rebuilds(LocalSystem system, Duration limit) {
        return new ProjectionRebuilds(LedgerClients.query(system.queryUrl(), Credentials.basic("admin", "admin")),
                system.pids(), limit);
    }

    /**
     * Tops the topic up to the plan's rebuild size, then lets live consumption catch up (within the plan's limit),
     * so that the rebuild does not share the machine with it; answers the records on the topic.
     */
    private long topUpForRebuild(LocalSystem system) throws Exception {
        QueryServiceClient admin = LedgerClients.query(system.queryUrl(), Credentials.basic("admin", "admin"));
        long latest = latestPosition(system);
        long onTopic;
        try (TopicEnd events = new TopicEnd(system.settings().kafkaClientProperties(), EVENTS_TOPIC)) {
            onTopic = events.records();
        }
        long records = onTopic;
        if (onTopic < plan.rebuildEvents()) {
            int topUp = (int) (plan.rebuildEvents() - onTopic);
            records = plan.rebuildEvents();
            System.out.printf("  topping the topic up with %,d events for the rebuild ...%n", topUp);
            latest = new TopicFiller(system.settings().kafkaClientProperties(),
                    CheckpointKey.load(system.settings().dataDir())).fill(topUp, latest);
            report.note(String.format("the events topic was topped up from %,d to %,d records for P5 by a bench "
                    + "producer in the publisher's wire format", onTopic, onTopic + topUp));
        }
        long catchUpStart = System.nanoTime();
        long deadline = catchUpStart + plan.catchUpLimit().toNanos();
        long reachedAtStart = admin.stats().stats().position();
        long reached = reachedAtStart;
        while (System.nanoTime() < deadline) {
            reached = admin.stats().stats().position();
            if (reached >= latest) {
                break;
            }
            Thread.sleep(500);
        }
        if (reached < latest) {
            report.note(String.format("live consumption had reached position %,d of %,d when the rebuild started "
                    + "(waited %s): the rebuild shared the machine with it", reached, latest, plan.catchUpLimit()));
        } else {
            double seconds = (System.nanoTime() - catchUpStart) / 1e9;
            report.note(String.format("live consumption caught up from position %,d to %,d in %.0f s (about %,.0f "
                    + "events/s) before the rebuild started", reachedAtStart, latest, seconds,
                    (latest - reachedAtStart) / Math.max(seconds, 0.001)));
        }
        return records;
    }

    /** P5 from a rebuild's last status (null when none was read). */
    private Figure rebuildFigure(RebuildStatus status, long records, double rawConsume) {
        String state = status == null ? "unknown" : status.state().name();
        long applied = status == null ? 0 : status.eventsApplied();
        double rate = status == null ? 0 : status.eventsPerSecond();
        String error = status == null || status.error() == null ? "" : status.error();
        return rebuildFigure(state, applied, records, rate, rawConsume, (state.equals("SWITCHED")
                || state.equals("FAILED") ? "" : " when the bench stopped waiting (" + plan.rebuildLimit() + ")")
                + (error.isEmpty() ? "" : "; error: " + error) + "; " + minimum(records, 1_000_000));
    }

    /** Reads an answer to its end, counting lines and bytes without keeping them (the NDJSON export). */
    static long[] countLines(InputStream answer) throws IOException {
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = answer) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[] {lines, bytes};
    }

    /**
     * P5, met only when the rebuild switched the views over after applying every record on the topic, and its
     * rate reached the target: a rate of a failed, refused or unfinished rebuild is reported, never met.
     */
    static Figure rebuildFigure(String state, long applied, long records, double rate, double rawConsume,
                                String more) {
        boolean complete = state.equals("SWITCHED") && applied >= records;
        return Figure.ratioTo("P5", "projection rebuild from offset 0", rate, "events/s", rawConsume, 0.10, complete,
                String.format("state %s, %,d of %,d records applied%s%s", state, applied, records,
                        complete ? "" : " (the target needs SWITCHED with every record applied)", more));
    }

    /**
     * P7: judged on the first call (what a user meets: its code not yet compiled), the second call given in the
     * detail; met only when the answer was also right ({@code valid}).
     */
    static Figure auditFigure(String id, String whatFormat, long coldEvents, double coldSeconds, long warmEvents,
                              double warmSeconds, boolean valid, String more) {
        double cold = coldEvents / coldSeconds;
        double warm = warmEvents / warmSeconds;
        return new Figure(id, String.format(whatFormat, coldEvents), cold, "events/s", Double.NaN,
                "≥ 100,000 events/s (first call)", valid && coldEvents > 0 && cold >= 100_000,
                String.format("first call (cold); the second ran at %,.0f events/s%s", warm,
                        more.isEmpty() ? "" : "; " + more));
    }

    /** How far the transparency log and the topic had come when a wait for them ended. */
    private record Settled(long stored, long sealed, long sealedAtNanos) {
        String describe() {
            return sealed >= stored ? String.format("all %,d stored events", stored)
                    : String.format("only %,d of %,d stored events (the wait's limit ran out)", sealed, stored);
        }
    }

    /**
     * Waits (bounded) until the transparency log has sealed every stored event and the publisher has put every
     * one on the topic, so that neither shares the machine with what is measured next.
     */
    private Settled awaitSettled(LocalSystem system, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        long stored = countEvents(system);
        long sealed = 0;
        while (System.nanoTime() < deadline) {
            sealed = single(system, "select tree_size from ledger.transparency_state");
            if (sealed >= stored) {
                break;
            }
            Thread.sleep(500);
        }
        long sealedAt = System.nanoTime();
        awaitPublished(system, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        return new Settled(stored, sealed, sealedAt);
    }

    /** Waits until every stored event is on the topic (bounded): the backlog measured next starts from there. */
    private void awaitPublished(LocalSystem system, Duration limit) throws Exception {
        long stored = countEvents(system);
        long deadline = System.nanoTime() + limit.toNanos();
        try (TopicEnd events = new TopicEnd(system.settings().kafkaClientProperties(), EVENTS_TOPIC)) {
            while (events.records() < stored && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    /**
     * Waits (bounded) until the query service has applied every stored event, so that what the commands cost the
     * publisher and the projector is inside a span that ends here; answers how far it got, for the report.
     */
    private String awaitApplied(LocalSystem system, Duration limit) throws Exception {
        QueryServiceClient viewer = LedgerClients.query(system.queryUrl(), Credentials.basic("viewer", "viewer"));
        long latest = latestPosition(system);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long reached = viewer.stats().stats().position();
        while (reached < latest && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reached = viewer.stats().stats().position();
        }
        return reached >= latest
                ? String.format("views caught up %.1f s after the load ended", (System.nanoTime() - start) / 1e9)
                : String.format("views had applied up to position %,d of %,d when the bench stopped waiting (%s)",
                reached, latest, limit);
    }

    private long latestPosition(LocalSystem system) throws Exception {
        return single(system, "select coalesce(max(global_index), -1) from ledger.domain_event_entry");
    }

    private long countEvents(LocalSystem system) throws Exception {
        return single(system, "select count(*) from ledger.domain_event_entry");
    }

    private long single(LocalSystem system, String sql) throws Exception {
        try (Connection connection = new RawPostgres(system.settings().jdbcUrl()).connect();
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void describeMachine(RawPostgres postgres) throws Exception {
        report.machine("plan", plan.name());
        report.machine("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.machine("memory", memoryTotal());
        report.machine("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("select version()")) {
                row.next();
                report.machine("PostgreSQL", row.getString(1).replaceAll(",.*", "") + " (embedded, zonky)");
            }
            StringBuilder settings = new StringBuilder();
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "shared_buffers",
                    "max_connections")) {
                try (ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    settings.append(setting).append('=').append(row.getString(1)).append(' ');
                }
            }
            report.machine("PostgreSQL settings", settings.toString().trim());
        }
        try (Stream<Path> jars = Files.list(home.resolve("local-kafka/target/kafka-lib"))) {
            report.machine("Kafka", jars.map(jar -> jar.getFileName().toString())
                    .filter(name -> name.startsWith("kafka_2.13-")).findFirst()
                    .map(name -> name.replace("kafka_2.13-", "").replace(".jar", ""))
                    .orElse("unknown") + " (single node, KRaft, own JVM)");
        }
        report.machine("services", "own JVMs, -Xmx320m, local profile; load generator in this JVM");
    }

    private static String memoryTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ").replace("MemTotal: ", "");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, Long> servicePids(LocalSystem system) {
        Map<String, Long> pids = new java.util.LinkedHashMap<>(system.pids());
        pids.keySet().retainAll(List.of("membership-command", "membership-query"));
        return pids;
    }

    private static String loadDetail(CommandLoad.Result result) {
        return String.format("%s; %,d accepted, %d errors%s", LatencyRecorder.percentiles(result.latency()),
                result.accepted(), result.errors(), result.firstError() == null ? "" : " (first: " + result.firstError() + ")");
    }

    private static String minimum(long size, long required) {
        return size >= required ? "size meets the issue's minimum" : String.format("below the issue's minimum of %,d "
                + "(quick plan)", required);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
