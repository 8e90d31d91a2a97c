package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.utils.Utils;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.rebuild.RebuildApi;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.testsupport.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two query instances in one consumer group over one PostgreSQL, as in production: each applies the
 * partitions it owns, and yet every instance streams every change, in each community's order; a client
 * resumes on the other instance without a gap; a rebuild is one for the whole group.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryGroupIT {

    private static final String GROUP = "membership-query";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres database;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SecondInstance second;
    private int secondPort;

    @BeforeAll
    void startASecondInstance() {
        second = SecondInstance.start(MembershipQueryApplication.class, database, broker.getBrokersAsString(),
                "ledger.live.subscriber-buffer=100");
        secondPort = second.port();
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void every_instance_streams_every_change_in_each_communitys_order_whichever_instance_applied_it()
            throws Exception {
        awaitBothInstancesOwnPartitions();
        List<CommunityId> communities = communitiesOnEveryPartition();
        int versions = 10;
        try (TopicWriter topic = new TopicWriter(broker);
             LiveIT.SseClient first = LiveIT.SseClient.open(port, null);
             LiveIT.SseClient other = LiveIT.SseClient.open(secondPort, null)) {
            assertThat(first.next().name()).isEqualTo("ready");
            assertThat(other.next().name()).isEqualTo("ready");
            for (int version = 1; version <= versions; version++) {
                for (CommunityId community : communities) {
                    topic.send(TopicWriter.envelope(community, version, version == 1 ? TopicWriter.established(community)
                            : TopicWriter.joined(community, "member-" + version, "成员 " + version)));
                }
            }
            assertThat(versionsSeen(first, communities, versions)).as("the test context's instance")
                    .allSatisfy((community, seen) -> assertThat(seen).as(community).isEqualTo(oneTo(versions)));
            assertThat(versionsSeen(other, communities, versions)).as("the second instance")
                    .allSatisfy((community, seen) -> assertThat(seen).as(community).isEqualTo(oneTo(versions)));
        }
    }

    @Test
    void a_client_resumes_on_the_other_instance_without_missing_or_repeating_a_change() throws Exception {
        CommunityId community = CommunityId.newId();
        try (TopicWriter topic = new TopicWriter(broker)) {
            List<EventEnvelope> events = new ArrayList<>();
            for (int version = 1; version <= 6; version++) {
                events.add(TopicWriter.envelope(community, version, version == 1 ? TopicWriter.established(community)
                        : TopicWriter.joined(community, "resumer-" + version, "续传 " + version)));
            }
            String lastSeen;
            try (LiveIT.SseClient first = LiveIT.SseClient.open(port, null)) {
                first.next();
                events.subList(0, 3).forEach(topic::send);
                lastSeen = first.nextNamed("change", "\"communityId\":\"" + community + "\",\"version\":3,").id();
            }
            events.subList(3, 6).forEach(topic::send);
            await().atMost(Duration.ofSeconds(20)).until(() -> appliedVersion(community) == 6);
            try (LiveIT.SseClient resumed = LiveIT.SseClient.open(secondPort, lastSeen)) {
                for (int version = 4; version <= 6; version++) {
                    LiveIT.SseClient.Event next = resumed.nextNamed("change", community.value());
                    assertThat(json.readTree(next.data()).get("version").asLong()).isEqualTo(version);
                    assertThat(next.id()).isEqualTo(Long.toString(events.get(version - 1).position()));
                }
            }
        }
    }

    @Test
    void a_change_that_commits_after_a_later_one_is_still_streamed_in_its_place() throws Exception {
        CommunityId early = CommunityId.newId();
        CommunityId late = CommunityId.newId();
        try (LiveIT.SseClient stream = LiveIT.SseClient.open(secondPort, null);
             Connection slow = connect(); Connection quick = connect()) {
            stream.next();
            slow.setAutoCommit(false);
            insertChange(slow, early, 9_000_001);
            quick.setAutoCommit(true);
            insertChange(quick, late, 9_000_002);
            // The quick change may not be streamed while the slow one could still commit before it.
            Thread.sleep(300);
            slow.commit();
            assertThat(stream.nextNamed("change", "\"communityId\":\"").data()).contains(early.value());
            assertThat(stream.nextNamed("change", "\"communityId\":\"").data()).contains(late.value());
        }
    }

    @Test
    void a_rebuild_is_one_for_the_group_and_loses_nothing_either_instance_applied_meanwhile() throws Exception {
        awaitBothInstancesOwnPartitions();
        List<CommunityId> communities = communitiesOnEveryPartition();
        int before = 5;
        int during = 15;
        try (TopicWriter topic = new TopicWriter(broker);
             LiveIT.SseClient first = LiveIT.SseClient.open(port, null);
             LiveIT.SseClient other = LiveIT.SseClient.open(secondPort, null)) {
            for (int version = 1; version <= before; version++) {
                send(topic, communities, version);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> communities.stream().allMatch(community -> appliedVersion(community) == before));

            HttpResponse<String> started = startRebuild(port);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThatThrownBy(() -> Accounts.query(secondPort, "admin").rebuild().start())
                    .as("a second rebuild, started on the other instance")
                    .isInstanceOfSatisfying(LedgerProblemException.class,
                            refused -> assertThat(refused.status()).isEqualTo(409));
            for (int version = before + 1; version <= before + during; version++) {
                send(topic, communities, version);
            }
            RebuildStatus done = awaitRebuild(secondPort);
            assertThat(done.state()).as(done.toString()).isEqualTo(RebuildState.SWITCHED);

            await().atMost(Duration.ofSeconds(30)).until(() -> communities.stream()
                    .allMatch(community -> appliedVersion(community) == before + during));
            assertThat(first.nextNamed("reset", "rebuilt").name()).isEqualTo("reset");
            assertThat(other.nextNamed("reset", "rebuilt").name()).isEqualTo("reset");
        }
        for (CommunityId community : communities) {
            assertThat(jdbc.sql("select count(*) from member where community_id = :id").param("id", community.value())
                    .query(Long.class).single()).as("members of %s", community).isEqualTo(before + during - 1);
        }
    }

    private static void send(TopicWriter topic, List<CommunityId> communities, int version) {
        for (CommunityId community : communities) {
            topic.send(TopicWriter.envelope(community, version, version == 1 ? TopicWriter.established(community)
                    : TopicWriter.joined(community, "member-" + version, "成员 " + version)));
        }
    }

    private RebuildStatus awaitRebuild(int instancePort) {
        RebuildApi rebuild = Accounts.query(instancePort, "admin").rebuild();
        RebuildStatus[] status = new RebuildStatus[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            status[0] = rebuild.status();
            return !status[0].state().running();
        });
        return status[0];
    }

    /** Raw HTTP: the test asserts the 202 a started rebuild is answered with, which the client does not show. */
    private HttpResponse<String> startRebuild(int instancePort) throws Exception {
        URI rebuild = URI.create("http://127.0.0.1:" + instancePort + "/api/admin/projections/rebuild");
        return http.send(HttpRequest.newBuilder(rebuild).header("Authorization", Accounts.basic("admin"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void awaitBothInstancesOwnPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                return group.members().size() == 2
                        && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }

    /** The versions each community's changes came with, in the order the stream sent them. */
    private static Map<String, List<Long>> versionsSeen(LiveIT.SseClient stream, List<CommunityId> communities,
                                                        int versions) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Long>> seen = new LinkedHashMap<>();
        communities.forEach(community -> seen.put(community.value(), new ArrayList<>()));
        int expected = communities.size() * versions;
        int received = 0;
        while (received < expected) {
            LiveIT.SseClient.Event event = stream.next();
            if (!event.name().equals("change")) {
                continue;
            }
            JsonNode change = json.readTree(event.data());
            List<Long> ofCommunity = seen.get(change.get("communityId").asText());
            if (ofCommunity != null) {
                ofCommunity.add(change.get("version").asLong());
                received++;
            }
        }
        return seen;
    }

    private static List<Long> oneTo(int versions) {
        List<Long> all = new ArrayList<>();
        for (long version = 1; version <= versions; version++) {
            all.add(version);
        }
        return all;
    }

    /** Communities whose records land on every partition of the topic, so that both instances apply some. */
    private List<CommunityId> communitiesOnEveryPartition() throws Exception {
        int partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            partitions = admin.describeTopics(List.of(WireFormat.TOPIC)).allTopicNames().get().get(WireFormat.TOPIC)
                    .partitions().size();
        }
        Map<Integer, CommunityId> byPartition = new HashMap<>();
        while (byPartition.size() < partitions) {
            CommunityId community = CommunityId.newId();
            // Kafka's default partitioner for a keyed record.
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(community.value().getBytes(StandardCharsets.UTF_8)))
                    % partitions, community);
        }
        return new ArrayList<>(byPartition.values());
    }

    private Connection connect() throws Exception {
        Connection connection = DriverManager.getConnection(database.getJdbcUrl("postgres", "postgres"), "postgres", "");
        connection.setSchema("projection");
        return connection;
    }

    private static void insertChange(Connection connection, CommunityId community, long position) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into projection_change (position, community_id, version, event_name, payload)
                values (?, ?, 1, 'CommunityEstablished', '{}')""")) {
            insert.setLong(1, position);
            insert.setString(2, community.value());
            insert.executeUpdate();
        }
    }

    private long appliedVersion(CommunityId community) {
        return jdbc.sql("select version from community where community_id = :id")
                .param("id", community.value()).query(Long.class).optional().orElse(0L);
    }
}
