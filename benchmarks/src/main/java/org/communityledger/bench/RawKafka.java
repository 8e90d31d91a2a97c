package org.communityledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The ceilings of the broker, measured with Kafka's own performance tools (kafka-tools, run in their own JVM
 * from the broker's classpath): 600-byte records, acks=all, idempotent producer, into a scratch topic with as
 * many partitions as the events topic.
 */
final class RawKafka {

    static final String TOPIC = "bench.raw";
    static final int RECORD_BYTES = 600;

    private final String bootstrapServers;
    private final Path kafkaLib;
    private final int partitions;
    private final short replicas;

    RawKafka(String bootstrapServers, Path kafkaLib, int partitions) {
        this(bootstrapServers, kafkaLib, partitions, (short) 1);
    }

    /** On a cluster, with as many replicas (and two in sync) as the ledger's own topic there. */
    RawKafka(String bootstrapServers, Path kafkaLib, int partitions, short replicas) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaLib = kafkaLib;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    /** Records per second produced. */
    double produce(int records) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, partitions, replicas)
                    .configs(Map.of("retention.ms", "-1", "min.insync.replicas", replicas >= 3 ? "2" : "1"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        String output = run("org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC,
                "--num-records", Integer.toString(records), "--record-size", Integer.toString(RECORD_BYTES),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "enable.idempotence=true");
        // The summary: "1000000 records sent, 171232.9 records/sec (97.98 MB/sec), ..."
        for (String line : output.split("\n")) {
            if (line.startsWith(records + " records sent")) {
                return Double.parseDouble(line.split(",")[1].trim().split(" ")[0]);
            }
        }
        throw new IllegalStateException("no summary from ProducerPerformance:\n" + output);
    }

    /** Records per second consumed while fetching (group join excluded, which raises the ceiling). */
    double consume(int records) throws Exception {
        String output = run("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrapServers,
                "--topic", TOPIC, "--messages", Integer.toString(records), "--timeout", "60000");
        String[] lines = output.strip().split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("start.time")) {
                String[] names = lines[i].split(",\\s*");
                String[] values = lines[i + 1].split(",\\s*");
                for (int column = 0; column < names.length; column++) {
                    if (names[column].trim().equals("fetch.nMsg.sec")) {
                        return Double.parseDouble(values[column].trim());
                    }
                }
            }
        }
        throw new IllegalStateException("no summary from ConsumerPerformance:\n" + output);
    }

    private String run(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-cp", kafkaLib + "/*",
                "-Dlog4j2.level=WARN", tool));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
