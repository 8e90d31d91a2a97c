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

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run in its own JVM from
 * the Maven Central jars the build copied to {@code local-kafka/target/kafka-lib}. Its log directory
 * is under the data directory, formatted once on first start.
 */
final class KafkaBroker implements AutoCloseable {

    static final String NAME = "kafka";

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    static KafkaBroker start(LaunchSettings settings) {
        Path kafkaDir = settings.dataDir().resolve("kafka");
        Path logDir = kafkaDir.resolve("log");
        Path config = kafkaDir.resolve("server.properties");
        try {
            Files.createDirectories(logDir);
            // PostgreSQL starts beside the broker and may not have made the shared log directory yet.
            Files.createDirectories(settings.logDir());
            Files.writeString(config, serverProperties(settings, logDir));
            Files.writeString(kafkaDir.resolve("log4j2.properties"), log4jProperties(settings));
        } catch (IOException e) {
            throw new LaunchException("cannot write the Kafka configuration under " + kafkaDir, e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(settings, config, kafkaDir);
        }
        ChildProcess broker = ChildProcess.start(NAME,
                javaCommand(settings, kafkaDir, "kafka.Kafka", config.toString()), Map.of(), settings);
        Ports.awaitListening(settings.kafkaPort(), Duration.ofSeconds(60), broker.process(),
                "Kafka (log: " + broker.logFile() + ")");
        return new KafkaBroker(broker);
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

    private static void format(LaunchSettings settings, Path config, Path kafkaDir) {
        List<String> command = javaCommand(settings, kafkaDir, "kafka.tools.StorageTool",
                "format", "--ignore-formatted", "-t", newClusterId(), "-c", config.toString());
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            settings.logDir().resolve("kafka-format.log").toFile()))
                    .start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new LaunchException("formatting Kafka's storage failed; see "
                        + settings.logDir().resolve("kafka-format.log"));
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

    private static String serverProperties(LaunchSettings settings, Path logDir) {
        return String.join("\n",
                "# Written by the ledger launcher at every start; edit LaunchSettings instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + settings.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + settings.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=1",
                // Topics are created by the services with their intended layout, never implicitly.
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "share.coordinator.state.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static String log4jProperties(LaunchSettings settings) {
        return String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + settings.logDir().resolve("kafka-server.log"),
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
