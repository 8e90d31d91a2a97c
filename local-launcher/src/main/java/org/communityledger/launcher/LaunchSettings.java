package org.communityledger.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the local system lives and listens: one Kafka node and one instance of each service, or, for the
 * production topology ({@code ./ledger up --cluster}), three Kafka nodes and two instances of each service.
 * Every value can be overridden by environment variable.
 *
 * @param home         the project's root, where the built jars are
 * @param dataDir      PostgreSQL's and Kafka's data and the logs, kept across restarts ({@code LEDGER_DATA_DIR},
 *                     default {@code .ledger-data}, and {@code .ledger-data/cluster} for the cluster, whose
 *                     Kafka nodes hold other data than a single node)
 * @param postgresPort embedded PostgreSQL ({@code LEDGER_PG_PORT}, default 15432)
 * @param kafkaNodes   the Kafka nodes: the first listens on {@code LEDGER_KAFKA_PORT} (default 19092) and its
 *                     controller on {@code LEDGER_KAFKA_CONTROLLER_PORT} (19093); a cluster's further nodes on
 *                     the next pairs of ports (19094/19095, 19096/19097)
 * @param commandPorts the command service instances ({@code LEDGER_COMMAND_PORT}, default 8080; the second
 *                     {@code LEDGER_COMMAND_PORT_2}, default 8090)
 * @param queryPorts   the query service instances ({@code LEDGER_QUERY_PORT}, default 8081; the second
 *                     {@code LEDGER_QUERY_PORT_2}, default 8091)
 */
public record LaunchSettings(
        Path home,
        Path dataDir,
        int postgresPort,
        List<KafkaNode> kafkaNodes,
        List<Integer> commandPorts,
        List<Integer> queryPorts) {

    /** Nodes of the local Kafka cluster: three, so that one may fail while two replicas still hold a record. */
    static final int CLUSTER_NODES = 3;

    /** One Kafka node in KRaft mode, broker and controller in one process. */
    public record KafkaNode(int id, int port, int controllerPort) {
    }

    public LaunchSettings {
        kafkaNodes = List.copyOf(kafkaNodes);
        commandPorts = List.copyOf(commandPorts);
        queryPorts = List.copyOf(queryPorts);
    }

    public static LaunchSettings fromEnvironment(Path home, Map<String, String> env) {
        return new LaunchSettings(home, dataDir(home, env, ".ledger-data"), port(env, "LEDGER_PG_PORT", 15432),
                List.of(new KafkaNode(1, port(env, "LEDGER_KAFKA_PORT", 19092),
                        port(env, "LEDGER_KAFKA_CONTROLLER_PORT", 19093))),
                List.of(port(env, "LEDGER_COMMAND_PORT", 8080)),
                List.of(port(env, "LEDGER_QUERY_PORT", 8081)));
    }

    /** The production topology on this machine: three Kafka nodes, two instances of each service. */
    public static LaunchSettings clusterFromEnvironment(Path home, Map<String, String> env) {
        int kafkaPort = port(env, "LEDGER_KAFKA_PORT", 19092);
        int controllerPort = port(env, "LEDGER_KAFKA_CONTROLLER_PORT", 19093);
        List<KafkaNode> nodes = new ArrayList<>();
        for (int node = 0; node < CLUSTER_NODES; node++) {
            nodes.add(new KafkaNode(node + 1, kafkaPort + 2 * node, controllerPort + 2 * node));
        }
        return new LaunchSettings(home, dataDir(home, env, ".ledger-data/cluster"), port(env, "LEDGER_PG_PORT", 15432),
                nodes,
                List.of(port(env, "LEDGER_COMMAND_PORT", 8080), port(env, "LEDGER_COMMAND_PORT_2", 8090)),
                List.of(port(env, "LEDGER_QUERY_PORT", 8081), port(env, "LEDGER_QUERY_PORT_2", 8091)));
    }

    /** Settings on ports the operating system says are free: for tests beside a running system. */
    public static LaunchSettings onFreePorts(Path home, Path dataDir) {
        return new LaunchSettings(home, dataDir.toAbsolutePath().normalize(), Ports.anyFree(),
                List.of(new KafkaNode(1, Ports.anyFree(), Ports.anyFree())), List.of(Ports.anyFree()),
                List.of(Ports.anyFree()));
    }

    /** The cluster topology on ports the operating system says are free. */
    public static LaunchSettings clusterOnFreePorts(Path home, Path dataDir) {
        List<KafkaNode> nodes = new ArrayList<>();
        for (int node = 1; node <= CLUSTER_NODES; node++) {
            nodes.add(new KafkaNode(node, Ports.anyFree(), Ports.anyFree()));
        }
        return new LaunchSettings(home, dataDir.toAbsolutePath().normalize(), Ports.anyFree(), nodes,
                List.of(Ports.anyFree(), Ports.anyFree()), List.of(Ports.anyFree(), Ports.anyFree()));
    }

    /** The same data directory on other free ports: a restart where the old ports may linger in TIME_WAIT. */
    public LaunchSettings onOtherFreePorts() {
        return cluster() ? clusterOnFreePorts(home, dataDir) : onFreePorts(home, dataDir);
    }

    public boolean cluster() {
        return kafkaNodes.size() > 1;
    }

    /** The first Kafka node's client port. */
    public int kafkaPort() {
        return kafkaNodes.get(0).port();
    }

    /** The first command service instance's port. */
    public int commandPort() {
        return commandPorts.get(0);
    }

    /** The first query service instance's port. */
    public int queryPort() {
        return queryPorts.get(0);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalSystem.DATABASE;
    }

    public String bootstrapServers() {
        return kafkaNodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    /**
     * Whether the Kafka nodes authenticate every client (SASL PLAIN) and enforce ACLs ({@link KafkaAcls}): the
     * cluster topology does, as production must; the single node of {@code ./ledger up} does not.
     */
    public boolean kafkaSecured() {
        return cluster();
    }

    /**
     * What a Kafka client of the operator's (the launcher, the fault and bench tools) needs: the bootstrap servers
     * and, where the nodes authenticate clients, the operator account's sign-in.
     */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers());
        if (kafkaSecured()) {
            properties.putAll(KafkaAccounts.of(dataDir).clientProperties(KafkaAccounts.OPERATOR));
        }
        return properties;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    private static Path dataDir(Path home, Map<String, String> env, String defaultDir) {
        return Path.of(env.getOrDefault("LEDGER_DATA_DIR", home.resolve(defaultDir).toString())).toAbsolutePath()
                .normalize();
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
