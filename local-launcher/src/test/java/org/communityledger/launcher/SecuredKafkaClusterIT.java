package org.communityledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local cluster's three Kafka nodes as {@code ./ledger up --cluster} starts them: every client must sign in,
 * and only the command service's account may write the events topic.
 */
class SecuredKafkaClusterIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static LaunchSettings settings;
    private static final List<KafkaBroker> NODES = new ArrayList<>();

    @BeforeAll
    static void startTheClusterAndGrantTheAcls() throws Exception {
        Path dataDir = Files.createTempDirectory(HOME.resolve("local-launcher/target"), "secured-kafka-");
        settings = LaunchSettings.clusterOnFreePorts(HOME, dataDir);
        List<CompletableFuture<KafkaBroker>> starting = settings.kafkaNodes().stream()
                .map(node -> CompletableFuture.supplyAsync(() -> KafkaBroker.start(settings, node))).toList();
        for (CompletableFuture<KafkaBroker> node : starting) {
            NODES.add(node.get(4, TimeUnit.MINUTES));
        }
        KafkaAcls.grant(settings);
        // The command service's account creates the topics, as the first service to start does.
        try (Admin command = Admin.create(client(KafkaAccounts.COMMAND_SERVICE))) {
            command.createTopics(List.of(new NewTopic(KafkaAcls.EVENTS_TOPIC, 3, (short) 3),
                    new NewTopic(KafkaAcls.DEAD_LETTER_TOPIC, 1, (short) 3))).all().get(60, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopTheNodes() {
        NODES.forEach(KafkaBroker::close);
    }

    @Test
    void only_the_command_services_account_writes_the_events_topic_and_the_query_service_reads_it() throws Exception {
        send(KafkaAccounts.COMMAND_SERVICE, KafkaAcls.EVENTS_TOPIC, "genuine");

        assertThatThrownBy(() -> send(KafkaAccounts.QUERY_SERVICE, KafkaAcls.EVENTS_TOPIC, "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(read(KafkaAccounts.QUERY_SERVICE, KafkaAcls.EVENTS_TOPIC, "membership-query"))
                .as("the query side sees the genuine record and nothing else").containsExactly("genuine");
    }

    @Test
    void the_query_service_parks_records_on_the_dead_letter_topic_where_the_command_service_cannot_write()
            throws Exception {
        send(KafkaAccounts.QUERY_SERVICE, KafkaAcls.DEAD_LETTER_TOPIC, "parked");

        assertThat(read(KafkaAccounts.QUERY_SERVICE, KafkaAcls.DEAD_LETTER_TOPIC, "membership-query-replay"))
                .containsExactly("parked");
        assertThatThrownBy(() -> send(KafkaAccounts.COMMAND_SERVICE, KafkaAcls.DEAD_LETTER_TOPIC, "not mine"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void a_client_without_the_right_password_or_without_signing_in_gets_nothing() {
        Map<String, Object> wrongPassword = client(KafkaAccounts.COMMAND_SERVICE);
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + KafkaAccounts.COMMAND_SERVICE + "\" password=\"guessed\";");
        assertThatThrownBy(() -> send(wrongPassword, KafkaAcls.EVENTS_TOPIC, "forged"))
                .hasCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> anonymous = new HashMap<>(Map.of("bootstrap.servers", settings.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
        // A client that does not speak SASL is never answered: its send cannot even learn the topic's partitions.
        assertThatThrownBy(() -> send(anonymous, KafkaAcls.EVENTS_TOPIC, "forged")).isInstanceOf(Exception.class);
    }

    private static Map<String, Object> client(String account) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", settings.bootstrapServers());
        properties.putAll(KafkaAccounts.of(settings.dataDir()).clientProperties(account));
        return properties;
    }

    private static void send(String account, String topic, String value) throws Exception {
        send(client(account), topic, value);
    }

    private static void send(Map<String, Object> client, String topic, String value) throws Exception {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "community", value)).get(60, TimeUnit.SECONDS);
        } catch (org.apache.kafka.common.KafkaException e) {
            // Thrown before the send's future exists (for example while fetching metadata): same shape as above.
            throw new ExecutionException(e);
        }
    }

    private static List<String> read(String account, String topic, String group) {
        Map<String, Object> properties = client(account);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // Anything else already there arrives in the next polls.
            for (int i = 0; i < 4; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
