package org.communityledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.PausedProcess;

/**
 * {@code ./ledger bench [--quick]}: starts the whole system as {@code ./ledger up} does (on free ports, in a
 * fresh data directory of its own), measures the raw ceilings of its PostgreSQL and Kafka, then the system's
 * figures P1..P8, each as a ratio to its ceiling, stops what it started and writes the report.
 */
public final class LedgerBench {

    private static final String EVENTS_TOPIC = "membership.events";

    private final BenchPlan plan;
    private final Path home;
    private final Report report = new Report();
    private final ObjectMapper json = new ObjectMapper();

    private LedgerBench(BenchPlan plan, Path home) {
        this.plan = plan;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        BenchPlan plan = List.of(args).contains("--quick") ? BenchPlan.quick() : BenchPlan.full();
        Path home = Path.of(System.getProperty("ledger.home", ".")).toAbsolutePath().normalize();
        new LedgerBench(plan, home).run();
    }

    private void run() throws Exception {
        Path dataDir = home.resolve(".ledger-data").resolve("bench");
        LaunchSettings settings = LaunchSettings.onFreePorts(home, dataDir);
        // A bench that was interrupted may have left its processes behind; their pid files are in the data
        // directory, so they are stopped before it is wiped.
        LocalSystem.stopLeftovers(settings);
        deleteRecursively(dataDir);
        long started = System.nanoTime();
        System.out.println("Starting the system for the " + plan.name() + " benchmark (data in " + dataDir + ") ...");
        LocalSystem system = LocalSystem.start(settings);
        Thread stopOnInterrupt = new Thread(system::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            measure(system);
        } finally {
            system.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // interrupted: the hook is stopping the system already
            }
        }
        report.machine("run time", String.format("%.0f s", (System.nanoTime() - started) / 1e9));
        Path written = report.write(home.resolve("bench-results"), plan.name());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + written + " (and .json beside it).");
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
        try (TopicEnd events = new TopicEnd(system.settings().bootstrapServers(), EVENTS_TOPIC)) {
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
        LedgerApi admin = new LedgerApi(commandUrl, "admin");
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
        try (MemoryWatch memory = new MemoryWatch(servicePids(system))) {
            many = load.run(BenchPlan.MANY_CLIENTS, plan.manyClients(), 0, null);
            peaks = memory.peaks();
        }
        report.add(Figure.ratioTo("P1", "member joins/s over HTTP, 16 clients, " + communities.size() + " communities",
                many.perSecond(), "commands/s", pgMany, 0.25, loadDetail(many)));
        peaks.forEach((service, megabytes) -> report.add(new Figure("P8", "peak RSS of " + service + " during P1",
                megabytes, "MB", Double.NaN, "≤ 512 MB", megabytes <= 512, "sampled every 200 ms")));

        System.out.println("Command to stream latency ...");
        double half = many.perSecond() / 2;
        LiveLatency.Result live = new LiveLatency(system.queryUrl(), load).measure(4, half, plan.liveLatency());
        long p50 = live.latency().getValueAtPercentile(50);
        long p99 = live.latency().getValueAtPercentile(99);
        report.add(new Figure("P3", String.format("command 2xx → change on /api/stream at %.0f commands/s", half),
                p50 / 1000.0, "ms p50", Double.NaN, "p50 ≤ 50 ms, p99 ≤ 250 ms", p50 <= 50_000 && p99 <= 250_000,
                LatencyRecorder.percentiles(live.latency()) + String.format("; %d of %d changes seen", live.seen(),
                        live.commands())));

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
        try (TopicEnd events = new TopicEnd(system.settings().bootstrapServers(), EVENTS_TOPIC);
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
        HistoryLatency.Result history = new HistoryLatency(commandUrl).measure(seeded.get(0), plan.historyCommands());
        report.add(new Figure("P6", String.format("p50 of joins on a %,d-event community / on a fresh one",
                plan.historyEvents()), history.ratioOfMedians(), "×", Double.NaN, "≤ 1.2",
                history.ratioOfMedians() <= 1.2, String.format("long %s; fresh %s; first command on the long one "
                        + "(loads it) %s; errors %d; %s", LatencyRecorder.percentiles(history.longHistory()),
                LatencyRecorder.percentiles(history.fresh()), LatencyRecorder.ms(history.firstCommandMicros()),
                history.errors(), minimum(plan.historyEvents(), 100_000))));

        System.out.println("Audit ...");
        LedgerApi auditor = new LedgerApi(commandUrl, "auditor");
        String verifyPath = "/api/audit/communities/" + seeded.get(0) + "/verify";
        Timed<JsonNode> coldVerify = Timed.of(() -> json.readTree(auditor.get(verifyPath).body()));
        Timed<JsonNode> verify = Timed.of(() -> json.readTree(auditor.get(verifyPath).body()));
        long checked = verify.value().get("eventsChecked").asLong();
        report.add(new Figure("P7 verify", String.format("verify one community's chain (%,d events)", checked),
                checked / verify.seconds(), "events/s", Double.NaN, "≥ 100,000 events/s",
                checked / verify.seconds() >= 100_000, String.format("second call; the first (cold JIT) ran at "
                        + "%,.0f events/s; valid=%s", checked / coldVerify.seconds(), verify.value().get("valid"))));
        Timed<long[]> coldExport = Timed.of(() -> auditor.countLines("/api/audit/export"));
        Timed<long[]> export = Timed.of(() -> auditor.countLines("/api/audit/export"));
        double exportRate = export.value()[0] / export.seconds();
        report.add(new Figure("P7 export", String.format("NDJSON export of the whole log (%,d events, %,d MB)",
                export.value()[0], export.value()[1] >> 20), exportRate, "events/s", Double.NaN,
                "≥ 100,000 events/s", exportRate >= 100_000, String.format("second call; the first ran at "
                        + "%,.0f events/s", coldExport.value()[0] / coldExport.seconds())));

        System.out.println("Projection rebuild ...");
        rebuild(system, consume);
    }

    private void rebuild(LocalSystem system, double rawConsume) throws Exception {
        LedgerApi admin = new LedgerApi(system.queryUrl(), "admin");
        long latest = latestPosition(system);
        long onTopic;
        try (TopicEnd events = new TopicEnd(system.settings().bootstrapServers(), EVENTS_TOPIC)) {
            onTopic = events.records();
        }
        long records = onTopic;
        if (onTopic < plan.rebuildEvents()) {
            int topUp = (int) (plan.rebuildEvents() - onTopic);
            records = plan.rebuildEvents();
            System.out.printf("  topping the topic up with %,d events for the rebuild ...%n", topUp);
            latest = new TopicFiller(system.settings().bootstrapServers()).fill(topUp, latest);
            report.note(String.format("the events topic was topped up from %,d to %,d records for P5 by a bench "
                    + "producer in the publisher's wire format", onTopic, onTopic + topUp));
        }
        long catchUpStart = System.nanoTime();
        long deadline = catchUpStart + plan.catchUpLimit().toNanos();
        long reachedAtStart = json.readTree(admin.get("/api/stats").body()).get("position").asLong();
        long reached = reachedAtStart;
        while (System.nanoTime() < deadline) {
            reached = json.readTree(admin.get("/api/stats").body()).get("position").asLong();
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
        LedgerApi.Answer started = admin.post("/api/admin/projections/rebuild", "{}");
        if (!started.accepted()) {
            throw new IllegalStateException("the rebuild was refused: " + started.status() + " " + started.body());
        }
        long rebuildDeadline = System.nanoTime() + plan.rebuildLimit().toNanos();
        JsonNode status = null;
        while (System.nanoTime() < rebuildDeadline) {
            Thread.sleep(1000);
            status = json.readTree(admin.get("/api/admin/projections/status").body());
            String state = status.get("state").asText();
            if (state.equals("SWITCHED") || state.equals("FAILED")) {
                break;
            }
        }
        String state = status == null ? "unknown" : status.get("state").asText();
        long applied = status == null ? 0 : status.get("eventsApplied").asLong();
        double rate = status == null ? 0 : status.get("eventsPerSecond").asDouble();
        String detail = String.format("state %s, %,d of %,d records applied%s; %s", state, applied, records,
                state.equals("SWITCHED") ? "" : " when the bench stopped waiting (" + plan.rebuildLimit() + ")",
                minimum(records, 1_000_000));
        report.add(Figure.ratioTo("P5", "projection rebuild from offset 0", rate, "events/s", rawConsume, 0.10, detail));
    }

    /** Waits until every stored event is on the topic (bounded): the backlog measured next starts from there. */
    private void awaitPublished(LocalSystem system, Duration limit) throws Exception {
        long stored = countEvents(system);
        long deadline = System.nanoTime() + limit.toNanos();
        try (TopicEnd events = new TopicEnd(system.settings().bootstrapServers(), EVENTS_TOPIC)) {
            while (events.records() < stored && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
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
