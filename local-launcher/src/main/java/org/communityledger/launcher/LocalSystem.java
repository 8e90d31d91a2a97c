package org.communityledger.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * The whole system on one machine: embedded PostgreSQL, Kafka (one node, or three as a cluster), and the
 * command and query services (one instance each, or two). Starts them in dependency order (infrastructure
 * in parallel, then every service instance in parallel) and stops them in reverse, services first, so that
 * nothing is cut off mid-write.
 */
public final class LocalSystem implements AutoCloseable {

    static final String DATABASE = "ledger";
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);
    static final String COMMAND_MODULE = "membership-command";
    private static final String QUERY_MODULE = "membership-query";

    private final LaunchSettings settings;
    private EmbeddedDatabase database;
    private final List<KafkaBroker> brokers = new ArrayList<>();
    private final List<ServiceProcess> commands = new ArrayList<>();
    private final List<ServiceProcess> queries = new ArrayList<>();
    private final Set<Instance> killed = new HashSet<>();

    /** The parts a fault can be injected into, each killed and started again on its own ports and data. */
    public enum Part { POSTGRES, KAFKA, COMMAND, QUERY }

    /** One process of a part: which Kafka node or service instance (0-based); PostgreSQL has only 0. */
    private record Instance(Part part, int index) {
    }

    private LocalSystem(LaunchSettings settings) {
        this.settings = settings;
    }

    public static LocalSystem start(LaunchSettings settings) {
        LocalSystem system = new LocalSystem(settings);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startAll() {
        LeftoverProcesses.stopAll(settings);
        Ports.requireFree(settings.postgresPort(), "embedded PostgreSQL", "LEDGER_PG_PORT");
        for (LaunchSettings.KafkaNode node : settings.kafkaNodes()) {
            Ports.requireFree(node.port(), "Kafka node " + node.id(), "LEDGER_KAFKA_PORT");
            Ports.requireFree(node.controllerPort(), "Kafka controller " + node.id(), "LEDGER_KAFKA_CONTROLLER_PORT");
        }
        settings.commandPorts().forEach(port -> Ports.requireFree(port, "command service", "LEDGER_COMMAND_PORT"));
        settings.queryPorts().forEach(port -> Ports.requireFree(port, "query service", "LEDGER_QUERY_PORT"));

        CompletableFuture<EmbeddedDatabase> startingDatabase = CompletableFuture.supplyAsync(
                () -> EmbeddedDatabase.start(settings));
        List<CompletableFuture<KafkaBroker>> startingBrokers = settings.kafkaNodes().stream()
                .map(node -> CompletableFuture.supplyAsync(() -> KafkaBroker.start(settings, node))).toList();
        // Whatever started is kept, so that close() stops it if something else failed.
        database = startingDatabase.handle((started, failure) -> started).join();
        startingBrokers.forEach(broker -> brokers.add(broker.handle((started, failure) -> started).join()));
        join(startingDatabase);
        startingBrokers.forEach(this::join);
        if (settings.kafkaSecured()) {
            KafkaAcls.grant(settings);
        }

        for (int instance = 0; instance < settings.commandPorts().size(); instance++) {
            commands.add(startService(Part.COMMAND, instance));
        }
        for (int instance = 0; instance < settings.queryPorts().size(); instance++) {
            queries.add(startService(Part.QUERY, instance));
        }
        List<CompletableFuture<Void>> healthy = new ArrayList<>();
        for (ServiceProcess service : services()) {
            healthy.add(CompletableFuture.runAsync(() -> service.awaitHealthy(SERVICE_START_TIMEOUT)));
        }
        healthy.forEach(this::join);
    }

    private ServiceProcess startService(Part part, int instance) {
        return part == Part.COMMAND
                ? ServiceProcess.start(COMMAND_MODULE, DatabaseRoles.commandService(), instance,
                        settings.commandPorts().get(instance), settings)
                : ServiceProcess.start(QUERY_MODULE, DatabaseRoles.queryService(), instance,
                        settings.queryPorts().get(instance), settings);
    }

    /**
     * Kills a part's first process as a crash would: SIGKILL for a Kafka node and the services, PostgreSQL's
     * immediate shutdown for the database. The rest keeps running and finds out for itself.
     */
    public void kill(Part part) {
        kill(part, 0);
    }

    /** Kills one Kafka node or service instance (0-based) as a crash would. */
    public synchronized void kill(Part part, int index) {
        killed.add(new Instance(part, index));
        switch (part) {
            case POSTGRES -> database.stopImmediately(settings);
            case KAFKA -> brokers.get(index).kill();
            case COMMAND -> commands.get(index).kill();
            case QUERY -> queries.get(index).kill();
        }
    }

    /** Starts a part's first process again on the same ports and data; a service is waited for until healthy. */
    public void restart(Part part) {
        restart(part, 0);
    }

    /** Starts a killed Kafka node or service instance again on the same ports and data. */
    public synchronized void restart(Part part, int index) {
        if (!killed.remove(new Instance(part, index))) {
            throw new IllegalStateException(part + " " + index + " is running; only a killed part can be started again");
        }
        switch (part) {
            case POSTGRES -> database = EmbeddedDatabase.start(settings);
            case KAFKA -> brokers.set(index, KafkaBroker.start(settings, settings.kafkaNodes().get(index)));
            case COMMAND, QUERY -> {
                ServiceProcess service = startService(part, index);
                (part == Part.COMMAND ? commands : queries).set(index, service);
                service.awaitHealthy(SERVICE_START_TIMEOUT);
            }
        }
    }

    /**
     * Stops one service instance as an operator's rolling restart does (SIGTERM: it finishes what it is doing
     * within the grace period) and starts it again on the same port, waiting until it is healthy.
     */
    public synchronized void restartGracefully(Part part, int index) {
        if (part != Part.COMMAND && part != Part.QUERY) {
            throw new IllegalArgumentException("only service instances are restarted gracefully, not " + part);
        }
        List<ServiceProcess> instances = part == Part.COMMAND ? commands : queries;
        instances.get(index).close();
        ServiceProcess service = startService(part, index);
        instances.set(index, service);
        service.awaitHealthy(SERVICE_START_TIMEOUT);
    }

    /** Starts again whatever was killed and not restarted (after a fault drill that failed half-way). */
    public synchronized void restartKilled() {
        for (Instance instance : List.copyOf(killed)) {
            restart(instance.part(), instance.index());
        }
    }

    /** A part's first process id (PostgreSQL's postmaster for the database), e.g. to pause it with SIGSTOP. */
    public long pid(Part part) {
        return pid(part, 0);
    }

    public synchronized long pid(Part part, int index) {
        return switch (part) {
            case POSTGRES -> EmbeddedDatabase.postmasterPid(settings);
            case KAFKA -> brokers.get(index).pid();
            case COMMAND -> commands.get(index).pid();
            case QUERY -> queries.get(index).pid();
        };
    }

    /** Where a part's first process writes its log: the fault suite reads what the services said about a fault. */
    public Path logFile(Part part) {
        return logFile(part, 0);
    }

    public Path logFile(Part part, int index) {
        return settings.logDir().resolve(switch (part) {
            case POSTGRES -> "postgres.log";
            case KAFKA -> KafkaBroker.name(settings, settings.kafkaNodes().get(index)) + "-server.log";
            case COMMAND -> ServiceProcess.name(COMMAND_MODULE, index) + ".log";
            case QUERY -> ServiceProcess.name(QUERY_MODULE, index) + ".log";
        });
    }

    /** Stops processes a killed launcher left running on these settings' data directory (from its pid files). */
    public static void stopLeftovers(LaunchSettings settings) {
        LeftoverProcesses.stopAll(settings);
    }

    /** The first command service instance's address. */
    public String commandUrl() {
        return commands.get(0).baseUrl();
    }

    /** The first query service instance's address. */
    public String queryUrl() {
        return queries.get(0).baseUrl();
    }

    public List<String> commandUrls() {
        return commands.stream().map(ServiceProcess::baseUrl).toList();
    }

    public List<String> queryUrls() {
        return queries.stream().map(ServiceProcess::baseUrl).toList();
    }

    public LaunchSettings settings() {
        return settings;
    }

    /** Process ids by role, for reporting resident memory. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("postgres", EmbeddedDatabase.postmasterPid(settings));
        for (int node = 0; node < brokers.size(); node++) {
            pids.put(KafkaBroker.name(settings, settings.kafkaNodes().get(node)), brokers.get(node).pid());
        }
        addPids(pids, commands, index -> ServiceProcess.name(COMMAND_MODULE, index));
        addPids(pids, queries, index -> ServiceProcess.name(QUERY_MODULE, index));
        return pids;
    }

    private static void addPids(Map<String, Long> pids, List<ServiceProcess> services, IntFunction<String> name) {
        for (int index = 0; index < services.size(); index++) {
            pids.put(name.apply(index), services.get(index).pid());
        }
    }

    private List<ServiceProcess> services() {
        List<ServiceProcess> services = new ArrayList<>(queries);
        services.addAll(commands);
        return services;
    }

    /** Stops the services first, then Kafka, then PostgreSQL, so that nothing is cut off mid-write. */
    @Override
    public synchronized void close() {
        services().forEach(LocalSystem::stop);
        queries.clear();
        commands.clear();
        // All nodes at once: a node stopped after the others finds no controller quorum for its controlled
        // shutdown and hangs until it is killed.
        brokers.stream().map(broker -> CompletableFuture.runAsync(() -> stop(broker))).toList()
                .forEach(CompletableFuture::join);
        brokers.clear();
        stop(database);
        database = null;
    }

    private static void stop(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("  while stopping: " + e.getMessage());
        }
    }

    private <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LaunchException(e.getCause().getMessage(), e.getCause());
        }
    }
}
