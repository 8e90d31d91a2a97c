package org.communityledger.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Kafka node in KRaft mode (broker and controller in one), run in its own JVM from the Maven Central
 * jars the build copied to {@code local-kafka/target/kafka-lib}: the only node of a local system, or one of
 * the three of a local cluster (every node a voter of the controller quorum). Its log directory is under the
 * data directory, formatted once on first start with the cluster id the data directory keeps.
 */
final class KafkaBroker implements AutoCloseable {

    static final String NAME = "kafka";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    static KafkaBroker start(LaunchSettings settings, LaunchSettings.KafkaNode node) {
        String name = name(settings, node);
        Path kafkaDir = settings.dataDir().resolve(name);
        Path logDir = kafkaDir.resolve("log");
        Path config = kafkaDir.resolve("server.properties");
        try {
            Files.createDirectories(logDir);
            // PostgreSQL starts beside the broker and may not have made the shared log directory yet.
            Files.createDirectories(settings.logDir());
            Files.writeString(config, serverProperties(settings, node, logDir));
            Files.writeString(kafkaDir.resolve("log4j2.properties"), log4jProperties(settings, name));
        } catch (IOException e) {
            throw new LaunchException("cannot write the Kafka configuration under " + kafkaDir, e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(settings, config, kafkaDir, name);
        }
        ChildProcess broker = ChildProcess.start(name,
                javaCommand(settings, kafkaDir, "kafka.Kafka", config.toString()), Map.of(), settings);
        // A node of a cluster restarted after a kill -9 recovers its logs and catches up the controllers' metadata
        // before it listens: over a minute was seen with eight busy JVMs on two cores.
        Ports.awaitListening(node.port(), START_TIMEOUT, broker.process(),
                "Kafka (log: " + broker.logFile() + ")");
        return new KafkaBroker(broker);
    }

    /** "kafka" for the only node (as before clusters existed), "kafka-2" for a cluster's second. */
    static String name(LaunchSettings settings, LaunchSettings.KafkaNode node) {
        return settings.cluster() ? NAME + "-" + node.id() : NAME;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the broker dies without flushing or telling its clients. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    private static void format(LaunchSettings settings, Path config, Path kafkaDir, String name) {
        List<String> command = javaCommand(settings, kafkaDir, "kafka.tools.StorageTool",
                "format", "--ignore-formatted", "-t", clusterId(settings), "-c", config.toString());
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            settings.logDir().resolve(name + "-format.log").toFile()))
                    .start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new LaunchException("formatting Kafka's storage failed; see "
                        + settings.logDir().resolve(name + "-format.log"));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot run Kafka's storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while formatting Kafka's storage", e);
        }
    }

    private static List<String> javaCommand(LaunchSettings settings, Path kafkaDir, String mainClass,
                                            String... arguments) {
        Path libraries = settings.home().resolve("local-kafka/target/kafka-lib");
        if (!Files.isDirectory(libraries)) {
            throw new LaunchException("Kafka's jars are missing from " + libraries + "; build first: ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(
                JavaRuntime.executable(),
                "-Xms128m", "-Xmx384m",
                "-Dlog4j2.configurationFile=" + kafkaDir.resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + settings.logDir(),
                "-cp", libraries + "/*",
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The data directory's KRaft cluster id: every node of a cluster is formatted with the same one. */
    private static synchronized String clusterId(LaunchSettings settings) {
        Path file = settings.dataDir().resolve("kafka-cluster.id");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, newClusterId());
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new LaunchException("cannot keep Kafka's cluster id in " + file + ": " + e.getMessage(), e);
        }
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, as Kafka's own Uuid writes it. */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static String serverProperties(LaunchSettings settings, LaunchSettings.KafkaNode node, Path logDir) {
        String voters = settings.kafkaNodes().stream()
                .map(voter -> voter.id() + "@127.0.0.1:" + voter.controllerPort())
                .collect(Collectors.joining(","));
        // Kafka's own topics are replicated like the ledger's: on three nodes, three replicas, two in sync.
        int replicas = Math.min(3, settings.kafkaNodes().size());
        int inSync = replicas >= 3 ? 2 : 1;
        return String.join("\n",
                "# Written by the ledger launcher at every start; edit LaunchSettings instead.",
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + voters,
                listeners(settings, node),
                "log.dirs=" + logDir,
                "num.partitions=1",
                // Topics are created by the services with their intended layout, never implicitly.
                "auto.create.topics.enable=false",
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + inSync,
                "offsets.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + inSync,
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + inSync,
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /**
     * Plain listeners for the single node; for a cluster, SASL PLAIN on both listeners with the accounts of
     * {@link KafkaAccounts}, the standard authorizer, and nothing allowed that no ACL grants. The operator is the
     * super user: the nodes sign in to each other and to the controllers with it.
     */
    private static String listeners(LaunchSettings settings, LaunchSettings.KafkaNode node) {
        if (!settings.kafkaSecured()) {
            return String.join("\n",
                    "listeners=PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + node.port(),
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        }
        KafkaAccounts accounts = KafkaAccounts.of(settings.dataDir());
        return String.join("\n",
                "listeners=SASL_PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + node.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + accounts.listenerJaasLine(KafkaAccounts.names()),
                // Only the nodes themselves speak to the controllers.
                "listener.name.controller.plain.sasl.jaas.config="
                        + accounts.listenerJaasLine(List.of(KafkaAccounts.OPERATOR)),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + KafkaAccounts.OPERATOR);
    }

    private static String log4jProperties(LaunchSettings settings, String name) {
        return String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + settings.logDir().resolve(name + "-server.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = info",
                "logger.kafkaorg.name = org.apache.kafka",
                "logger.kafkaorg.level = info",
                "");
    }
}
