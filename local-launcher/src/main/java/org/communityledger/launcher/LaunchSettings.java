package org.communityledger.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local system lives and listens. Every value can be overridden by environment variable.
 *
 * @param home         the project's root, where the built jars are
 * @param dataDir      PostgreSQL's and Kafka's data and the logs, kept across restarts ({@code LEDGER_DATA_DIR})
 * @param postgresPort embedded PostgreSQL ({@code LEDGER_PG_PORT}, default 15432)
 * @param kafkaPort    the broker's client listener ({@code LEDGER_KAFKA_PORT}, default 19092)
 * @param controllerPort the broker's KRaft controller listener ({@code LEDGER_KAFKA_CONTROLLER_PORT}, default 19093)
 * @param commandPort  the command service ({@code LEDGER_COMMAND_PORT}, default 8080)
 * @param queryPort    the query service ({@code LEDGER_QUERY_PORT}, default 8081)
 */
public record LaunchSettings(
        Path home,
        Path dataDir,
        int postgresPort,
        int kafkaPort,
        int controllerPort,
        int commandPort,
        int queryPort) {

    public static LaunchSettings fromEnvironment(Path home, Map<String, String> env) {
        return new LaunchSettings(
                home,
                Path.of(env.getOrDefault("LEDGER_DATA_DIR", home.resolve(".ledger-data").toString()))
                        .toAbsolutePath().normalize(),
                port(env, "LEDGER_PG_PORT", 15432),
                port(env, "LEDGER_KAFKA_PORT", 19092),
                port(env, "LEDGER_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "LEDGER_COMMAND_PORT", 8080),
                port(env, "LEDGER_QUERY_PORT", 8081));
    }

    /** Settings on ports the operating system says are free: for tests beside a running system. */
    public static LaunchSettings onFreePorts(Path home, Path dataDir) {
        return new LaunchSettings(home, dataDir.toAbsolutePath().normalize(), Ports.anyFree(), Ports.anyFree(),
                Ports.anyFree(), Ports.anyFree(), Ports.anyFree());
    }

    /** The same data directory on other free ports: a restart where the old ports may linger in TIME_WAIT. */
    public LaunchSettings onOtherFreePorts() {
        return onFreePorts(home, dataDir);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalSystem.DATABASE;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a port number between 1 and 65535, not '" + value + "'");
        }
    }
}
