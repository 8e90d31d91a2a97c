package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.communityledger.query.TopicWriter.established;
import static org.communityledger.query.TopicWriter.joined;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.CooperationAgreementSigned;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.MemberLeft;
import org.communityledger.events.MemberRoleAssigned;
import org.communityledger.events.MemberRoleRevoked;
import org.communityledger.events.PlaqueAwarded;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.PlaqueId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * The query service against a real PostgreSQL and a real Kafka broker: records on the topic become views,
 * a redelivered event is applied once, and a record that cannot be read is parked without stopping the rest.
 */
@QueryServiceTest
class ProjectionIT {

    private static final LocalDate CONFERENCE_DAY = LocalDate.of(2025, 10, 19);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private TopicWriter topic;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        topic = new TopicWriter(broker);
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        topic.close();
        producer.close();
    }

    @Test
    void published_events_become_the_community_and_its_members() throws Exception {
        CommunityId community = CommunityId.newId();
        send(envelope(community, 1, established(community)));
        send(envelope(community, 2, joined(community, "southern-film-group", "南方影视集团")));

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/communities/" + community).statusCode() == 200
                && get("/api/communities/" + community).body().contains("\"memberCount\":1"));

        String view = get("/api/communities/" + community).body();
        assertThat(view).contains("\"name\":\"四川省智慧视听产业产教融合共同体\"").contains("\"version\":2");
        String members = get("/api/communities/" + community + "/members").body();
        assertThat(members).contains("\"organizationId\":\"southern-film-group\"").contains("\"name\":\"南方影视集团\"")
                .contains("\"province\":\"CN-GD\"").contains("\"total\":1");
    }

    @Test
    void roles_plaques_agreements_and_leaving_show_in_every_view() throws Exception {
        CommunityId community = CommunityId.newId();
        OrganizationId southernFilm = OrganizationId.of("southern-film-group");
        OrganizationId press = OrganizationId.of("hust-press");
        OrganizationId leaver = OrganizationId.of("leaving-member");
        send(envelope(community, 1, established(community)));
        send(envelope(community, 2, joined(community, "southern-film-group", "南方影视集团")));
        send(envelope(community, 3, new MemberJoined(community, new Organization(press, "华中科技大学出版社",
                OrganizationKind.ENTERPRISE, Province.CN_HB), CONFERENCE_DAY)));
        send(envelope(community, 4, joined(community, "leaving-member", "即将退出的成员")));
        send(envelope(community, 5, new MemberRoleAssigned(community, southernFilm, MemberRole.CHAIR_UNIT)));
        send(envelope(community, 6, new PlaqueAwarded(community, PlaqueId.of("plaque-1"),
                "School of Digital Media Industry", southernFilm, "邹鹏", CONFERENCE_DAY)));
        send(envelope(community, 7, new CooperationAgreementSigned(community, AgreementId.of("agreement-1"),
                "Strategic cooperation agreement", List.of(press, southernFilm),
                List.of("textbook development", "resource construction"), CONFERENCE_DAY)));
        send(envelope(community, 8, new MemberRoleAssigned(community, leaver, MemberRole.SECRETARIAT)));
        send(envelope(community, 9, new MemberRoleRevoked(community, leaver, MemberRole.SECRETARIAT)));
        send(envelope(community, 10, new MemberLeft(community, leaver, "合作期满", CONFERENCE_DAY)));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedVersion(community) == 10);

        String view = get("/api/communities/" + community).body();
        assertThat(view).contains("\"memberCount\":2")
                .contains("\"chairUnit\":{\"organizationId\":\"southern-film-group\",\"name\":\"南方影视集团\"}")
                .contains("\"title\":\"School of Digital Media Industry\"")
                .contains("\"partyOrganizationIds\":[\"hust-press\",\"southern-film-group\"]")
                .contains("\"version\":10");
        assertThat(get("/api/communities/" + community + "/members?role=CHAIR_UNIT").body())
                .contains("\"total\":1").contains("\"roles\":[\"CHAIR_UNIT\"]");
        assertThat(get("/api/communities/" + community + "/members?province=CN-HB").body())
                .contains("\"total\":1").contains("华中科技大学出版社");
        assertThat(get("/api/communities/" + community + "/members?q=" + java.net.URLEncoder.encode("影视",
                StandardCharsets.UTF_8)).body()).contains("\"total\":1").contains("南方影视集团");
        assertThat(get("/api/communities/" + community + "/members?q=100%25").body()).contains("\"total\":0");
        String organization = get("/api/organizations/hust-press").body();
        assertThat(organization).contains("\"name\":\"华中科技大学出版社\"").contains("\"agreementId\":\"agreement-1\"");
        assertThat(get("/api/organizations/leaving-member").body()).contains("\"active\":false");
        String stats = get("/api/stats").body();
        assertThat(stats).contains("\"byKind\"").contains("\"CN-HB\"");
    }

    @Test
    void the_same_event_delivered_twice_is_applied_once() {
        CommunityId community = CommunityId.newId();
        EventEnvelope join = envelope(community, 2, joined(community, "southern-film-group", "南方影视集团"));
        send(envelope(community, 1, established(community)));
        send(join);
        send(join);
        EventEnvelope after = envelope(community, 3, joined(community, "nanchong-film-college", "南充影视学院"));
        send(after);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedVersion(community) == 3);

        assertThat(jdbc.sql("select member_count from community where community_id = :id")
                .param("id", community.value()).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from member where community_id = :id")
                .param("id", community.value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void an_older_stretch_redelivered_after_newer_events_changes_nothing_and_is_counted() {
        double redeliveredBefore = meters.counter("ledger.projection.records.redelivered").count();
        CommunityId community = CommunityId.newId();
        EventEnvelope one = envelope(community, 1, established(community));
        EventEnvelope two = envelope(community, 2, joined(community, "southern-film-group", "南方影视集团"));
        EventEnvelope three = envelope(community, 3, joined(community, "nanchong-film-college", "南充影视学院"));
        send(one);
        send(two);
        send(three);
        send(one);
        send(two);
        EventEnvelope four = envelope(community, 4, joined(community, "hust-press", "华中科技大学出版社"));
        send(four);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedVersion(community) == 4);

        assertThat(jdbc.sql("select member_count from community where community_id = :id")
                .param("id", community.value()).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from projection_change where community_id = :id")
                .param("id", community.value()).query(Long.class).single()).isEqualTo(4);
        assertThat(meters.counter("ledger.projection.records.redelivered").count()).isEqualTo(redeliveredBefore + 2);
    }

    @Test
    void a_record_that_cannot_be_read_is_parked_with_its_reason_counted_and_the_partition_goes_on() {
        double parkedBefore = parkedUnreadable();
        CommunityId community = CommunityId.newId();
        send(envelope(community, 1, established(community)));
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_NAME, "MemberJoined".getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_REVISION, "1".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(WireFormat.TOPIC, null, community.value(),
                "{not json".getBytes(StandardCharsets.UTF_8), headers));
        send(envelope(community, 2, joined(community, "southern-film-group", "南方影视集团")));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedVersion(community) == 2);

        List<ConsumerRecord<String, byte[]>> parked = deadLetters(community);
        assertThat(parked).hasSize(1);
        String reason = new String(parked.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8);
        assertThat(reason).contains("malformed");
        assertThat(parkedUnreadable()).isEqualTo(parkedBefore + 1);
    }

    private double parkedUnreadable() {
        Counter parked = meters.find("ledger.projection.records.parked").tag("reason", "unreadable")
                .counter();
        return parked == null ? 0 : parked.count();
    }

    @Test
    void an_unknown_community_is_a_404_problem() throws Exception {
        HttpResponse<String> response = get("/api/communities/no-such-community");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void a_page_larger_than_the_cap_is_a_400_problem_naming_the_parameter() throws Exception {
        HttpResponse<String> response = get("/api/communities/any/members?size=100000");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("size");
    }

    @Test
    void a_search_with_a_nul_or_broken_utf8_is_a_400_problem_not_a_database_error() throws Exception {
        HttpResponse<String> nul = get("/api/communities/any/members?q=a%00b");
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(nul.body()).contains("\"status\":400").contains("q");
        HttpResponse<String> broken = get("/api/communities/any/members?q=%C0%AF");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void a_query_string_over_the_limit_is_a_414_problem() throws Exception {
        HttpResponse<String> response = get("/api/communities/any/members?q=" + "a".repeat(9_000));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":414");
    }

    private long appliedVersion(CommunityId community) {
        return jdbc.sql("select version from community where community_id = :id")
                .param("id", community.value()).query(Long.class).optional().orElse(0L);
    }

    /** The community's parked records, read to the end of the dead-letter topic once one has arrived. */
    private List<ConsumerRecord<String, byte[]>> deadLetters(CommunityId community) {
        String bootstrap = broker.getBrokersAsString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TopicReader.readToEnd(bootstrap, WireFormat.DEAD_LETTER_TOPIC, community.value()).isEmpty());
        return TopicReader.readToEnd(bootstrap, WireFormat.DEAD_LETTER_TOPIC, community.value());
    }

    private void send(EventEnvelope envelope) {
        topic.send(envelope);
    }

    private EventEnvelope envelope(CommunityId community, long sequence, CommunityEvent event) {
        return TopicWriter.envelope(community, sequence, event);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", Accounts.basic("viewer")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
