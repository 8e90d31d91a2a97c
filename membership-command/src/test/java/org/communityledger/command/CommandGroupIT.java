package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.testsupport.SecondInstance;
import org.communityledger.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two command instances over one event store, as in production: both accept any command, concurrent
 * commands on one community through both keep one version sequence, an idempotency key holds across them,
 * and one instance at a time publishes, so nothing reaches the topic twice.
 */
@CommandServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandGroupIT {

    private static final int CLIENTS = 40;

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgres database;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.axonframework.config.Configuration axon;

    private SecondInstance second;
    private CommandApi first;
    private CommandApi other;

    @BeforeAll
    void startASecondInstance() {
        second = SecondInstance.start(MembershipCommandApplication.class, database, broker.getBrokersAsString(),
                "ledger.community.snapshot-threshold=5", "ledger.audit.settle=0s",
                // In one JVM both instances would name themselves alike (process id and host) and both publish.
                "ledger.publisher.node-id=second-instance",
                // When it publishes, only an announcement of the other's commits can wake its reader in time.
                "ledger.event-store.fetch-delay=1h");
        first = new CommandApi(port);
        other = new CommandApi(second.port());
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void concurrent_commands_on_one_community_through_both_instances_keep_one_version_sequence() throws Exception {
        String community = first.establish();
        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                CommandApi api = client % 2 == 0 ? first : other;
                String organization = "group-member-" + client;
                pending.add(clients.submit(() -> {
                    start.await();
                    return api.post("/api/communities/" + community + "/members", CommandApi.joinBody(organization));
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }

        Map<Integer, Long> statuses = new TreeMap<>();
        answers.forEach(answer -> statuses.merge(answer.statusCode(), 1L, Long::sum));
        // A join that met another instance's append is retried on fresh state; only a community changed under it
        // on every attempt would answer 409, never a 5xx.
        assertThat(statuses.keySet()).as("answers by status: %s", statuses).isSubsetOf(200, 409).contains(200);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).allSatisfy(answer ->
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json")));
        List<Long> sequence = jdbc.sql("""
                        select sequence_number from domain_event_entry where aggregate_identifier = :id
                        order by sequence_number""")
                .param("id", community).query(Long.class).list();
        long accepted = statuses.get(200);
        assertThat(sequence).as("one event per accepted join, no gap").hasSize((int) accepted + 1);
        for (int index = 0; index < sequence.size(); index++) {
            assertThat(sequence.get(index)).isEqualTo(index);
        }
    }

    @Test
    void a_command_retried_through_the_other_instance_with_its_key_answers_the_first_result() {
        String community = first.establish();
        Map<String, String> key = Map.of("Idempotency-Key", "group-retry-" + community);
        String body = CommandApi.joinBody("retried-member");

        HttpResponse<String> original = first.post("/api/communities/" + community + "/members", body, key);
        HttpResponse<String> retried = other.post("/api/communities/" + community + "/members", body, key);

        assertThat(original.statusCode()).as(original.body()).isEqualTo(200);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(original.body());
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", community).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void one_instance_publishes_and_every_event_of_both_reaches_the_topic_once() {
        List<String> communities = new ArrayList<>();
        for (int index = 0; index < 6; index++) {
            String community = (index % 2 == 0 ? first : other).establish();
            communities.add(community);
            (index % 2 == 0 ? other : first).join(community, "published-member");
        }

        String bootstrap = broker.getBrokersAsString();
        await().atMost(Duration.ofSeconds(30)).until(() -> communities.stream().allMatch(community ->
                TopicReader.readToEnd(bootstrap, WireFormat.TOPIC, community).size() >= 2));
        for (String community : communities) {
            List<String> versions = TopicReader.readToEnd(bootstrap, WireFormat.TOPIC, community).stream()
                    .map(CommandGroupIT::sequence).toList();
            assertThat(versions).as("records of %s on the topic", community).containsExactly("1", "2");
        }
        assertThat(jdbc.sql("select count(distinct owner) from token_entry where owner is not null")
                .query(Long.class).single()).as("instances holding a publisher claim").isEqualTo(1);
    }

    @Test
    void a_command_accepted_by_the_instance_that_does_not_publish_is_announced_to_the_one_that_does() {
        // The first instance lets go of the claim for a while, so the second (which looks at the store on its own
        // only once an hour) takes it over.
        axon.eventProcessingConfiguration().eventProcessor("kafka-publisher", TrackingEventProcessor.class)
                .orElseThrow().releaseSegment(0, 10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from token_entry where owner = 'second-instance'")
                .query(Long.class).single() == 1);
        String community = other.establish();
        String bootstrap = broker.getBrokersAsString();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                TopicReader.readToEnd(bootstrap, WireFormat.TOPIC, community).size() == 1);

        first.join(community, "announced-member");

        await().atMost(Duration.ofSeconds(5)).until(() ->
                TopicReader.readToEnd(bootstrap, WireFormat.TOPIC, community).size() == 2);
    }

    private static String sequence(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(EventHeaders.SEQUENCE).value(), StandardCharsets.UTF_8);
    }
}
