package org.communityledger.launcher;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole system on one machine: embedded PostgreSQL, a Kafka broker, the command and the query
 * service. Starts them in dependency order (infrastructure in parallel, then both services in parallel)
 * and stops them in reverse, services first, so that nothing is cut off mid-write.
 */
public final class LocalSystem implements AutoCloseable {

    static final String DATABASE = "ledger";
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

    private final LaunchSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private ServiceProcess command;
    private ServiceProcess query;
    private KafkaBroker kafka;

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
        Ports.requireFree(settings.kafkaPort(), "Kafka", "LEDGER_KAFKA_PORT");
        Ports.requireFree(settings.controllerPort(), "Kafka controller", "LEDGER_KAFKA_CONTROLLER_PORT");
        Ports.requireFree(settings.commandPort(), "command service", "LEDGER_COMMAND_PORT");
        Ports.requireFree(settings.queryPort(), "query service", "LEDGER_QUERY_PORT");

        CompletableFuture<EmbeddedDatabase> database = CompletableFuture.supplyAsync(
                () -> EmbeddedDatabase.start(settings));
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(settings));
        running.push(join(database));
        kafka = join(broker);
        running.push(kafka);

        command = ServiceProcess.start("membership-command", settings.commandPort(), settings);
        running.push(command);
        query = ServiceProcess.start("membership-query", settings.queryPort(), settings);
        running.push(query);
        CompletableFuture<Void> commandHealthy = CompletableFuture.runAsync(
                () -> command.awaitHealthy(SERVICE_START_TIMEOUT));
        CompletableFuture<Void> queryHealthy = CompletableFuture.runAsync(
                () -> query.awaitHealthy(SERVICE_START_TIMEOUT));
        join(commandHealthy);
        join(queryHealthy);
    }

    /** Stops processes a killed launcher left running on these settings' data directory (from its pid files). */
    public static void stopLeftovers(LaunchSettings settings) {
        LeftoverProcesses.stopAll(settings);
    }

    public String commandUrl() {
        return command.baseUrl();
    }

    public String queryUrl() {
        return query.baseUrl();
    }

    public LaunchSettings settings() {
        return settings;
    }

    /** Process ids by role, for reporting resident memory. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("postgres", EmbeddedDatabase.postmasterPid(settings));
        pids.put("kafka", kafka.pid());
        pids.put("membership-command", command.pid());
        pids.put("membership-query", query.pid());
        return pids;
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("  while stopping: " + e.getMessage());
            }
        }
    }

    private <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            // Whatever else did start must still be stopped: wait for the sibling futures' results first.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LaunchException(e.getCause().getMessage(), e.getCause());
        }
    }
}
