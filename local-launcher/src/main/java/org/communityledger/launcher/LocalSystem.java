package org.communityledger.launcher;

import java.time.Duration;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
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
    private EmbeddedDatabase database;
    private KafkaBroker kafka;
    private ServiceProcess command;
    private ServiceProcess query;
    private final Set<Part> killed = EnumSet.noneOf(Part.class);

    /** The parts a fault can be injected into, each killed and started again on its own ports and data. */
    public enum Part { POSTGRES, KAFKA, COMMAND, QUERY }

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

        CompletableFuture<EmbeddedDatabase> startingDatabase = CompletableFuture.supplyAsync(
                () -> EmbeddedDatabase.start(settings));
        CompletableFuture<KafkaBroker> startingBroker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(settings));
        // Whichever of the two started is kept, so that close() stops it if the other failed.
        database = startingDatabase.handle((started, failure) -> started).join();
        kafka = startingBroker.handle((started, failure) -> started).join();
        join(startingDatabase);
        join(startingBroker);

        command = ServiceProcess.start("membership-command", settings.commandPort(), settings);
        query = ServiceProcess.start("membership-query", settings.queryPort(), settings);
        CompletableFuture<Void> commandHealthy = CompletableFuture.runAsync(
                () -> command.awaitHealthy(SERVICE_START_TIMEOUT));
        CompletableFuture<Void> queryHealthy = CompletableFuture.runAsync(
                () -> query.awaitHealthy(SERVICE_START_TIMEOUT));
        join(commandHealthy);
        join(queryHealthy);
    }

    /**
     * Kills one part as a crash would: SIGKILL for the broker and the services, PostgreSQL's immediate
     * shutdown for the database. The rest keeps running and finds out for itself.
     */
    public synchronized void kill(Part part) {
        killed.add(part);
        switch (part) {
            case POSTGRES -> database.stopImmediately(settings);
            case KAFKA -> kafka.kill();
            case COMMAND -> command.kill();
            case QUERY -> query.kill();
        }
    }

    /** Starts a killed part again on the same ports and data; a service is waited for until healthy. */
    public synchronized void restart(Part part) {
        if (!killed.contains(part)) {
            throw new IllegalStateException(part + " is running; only a killed part can be started again");
        }
        killed.remove(part);
        switch (part) {
            case POSTGRES -> database = EmbeddedDatabase.start(settings);
            case KAFKA -> kafka = KafkaBroker.start(settings);
            case COMMAND -> {
                command = ServiceProcess.start("membership-command", settings.commandPort(), settings);
                command.awaitHealthy(SERVICE_START_TIMEOUT);
            }
            case QUERY -> {
                query = ServiceProcess.start("membership-query", settings.queryPort(), settings);
                query.awaitHealthy(SERVICE_START_TIMEOUT);
            }
        }
    }

    /** Starts again whatever was killed and not restarted (after a fault drill that failed half-way). */
    public synchronized void restartKilled() {
        for (Part part : Part.values()) {
            if (killed.contains(part)) {
                restart(part);
            }
        }
    }

    /** A part's process id (PostgreSQL's postmaster for the database), e.g. to pause it with SIGSTOP. */
    public synchronized long pid(Part part) {
        return switch (part) {
            case POSTGRES -> EmbeddedDatabase.postmasterPid(settings);
            case KAFKA -> kafka.pid();
            case COMMAND -> command.pid();
            case QUERY -> query.pid();
        };
    }

    /** Where a part writes its log: the fault suite reads what the services said about a fault. */
    public Path logFile(Part part) {
        return settings.logDir().resolve(switch (part) {
            case POSTGRES -> "postgres.log";
            case KAFKA -> KafkaBroker.NAME + "-server.log";
            case COMMAND -> "membership-command.log";
            case QUERY -> "membership-query.log";
        });
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

    /** Stops the services first, then Kafka, then PostgreSQL, so that nothing is cut off mid-write. */
    @Override
    public synchronized void close() {
        stop(query);
        query = null;
        stop(command);
        command = null;
        stop(kafka);
        kafka = null;
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
