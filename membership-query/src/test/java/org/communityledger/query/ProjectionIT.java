package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.Problem;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.community.Community;
import org.communityledger.client.community.CommunityPage;
import org.communityledger.client.community.CommunitySummary;
import org.communityledger.client.community.Member;
import org.communityledger.client.community.MemberFilter;
import org.communityledger.client.community.MemberPage;
import org.communityledger.client.stats.Stats;
import org.communityledger.client.stats.Timeline;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.CooperationAgreementSigned;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.MemberLeft;
import org.communityledger.events.MemberRoleAssigned;
import org.communityledger.events.MemberRoleRevoked;
import org.communityledger.events.PlaqueAwarded;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.PlaqueId;
import org.communityledger.events.value.Province;
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
    private QueryServiceClient viewer;
    private TopicWriter topic;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        viewer = Accounts.query(port, "viewer");
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
    void published_events_become_the_community_and_its_members() {
        CommunityId community = CommunityId.newId();
        send(envelope(community, 1, established(community)));
        send(envelope(community, 2, joined(community, "southern-film-group", "南方影视集团")));

        await().atMost(Duration.ofSeconds(30)).until(() -> memberCountOrZero(community) == 1);

        Community view = viewer.communities().community(community.value());
        assertThat(view.name()).isEqualTo("四川省智慧视听产业产教融合共同体");
        assertThat(view.version()).isEqualTo(2);
        MemberPage members = members(community.value(), MemberFilter.ALL);
        assertThat(members.total()).isEqualTo(1);
        assertThat(members.items()).singleElement().satisfies(member -> {
            assertThat(member.organizationId()).isEqualTo("southern-film-group");
            assertThat(member.name()).isEqualTo("南方影视集团");
            assertThat(member.province()).isEqualTo("CN-GD");
        });
    }

    @Test
    void members_over_time_count_each_join_and_departure_on_its_day_and_agreements_name_their_parties() {
        // Days no other test uses: the timeline counts every community.
        LocalDate firstDay = LocalDate.of(2024, 3, 7);
        LocalDate secondDay = LocalDate.of(2024, 3, 8);
        CommunityId community = CommunityId.newId();
        String name = "时间线共同体 " + community.value();
        send(envelope(community, 1, new CommunityEstablished(community, name, "Smart audiovisual", "Sichuan",
                OrganizationId.of("nanchong-film-vocational-college"), "Hall", firstDay)));
        send(envelope(community, 2, joinedOn(community, "timeline-first", "第一家", firstDay)));
        send(envelope(community, 3, joinedOn(community, "timeline-second", "第二家", firstDay)));
        send(envelope(community, 4, joinedOn(community, "timeline-third", "第三家", firstDay)));
        send(envelope(community, 5, new MemberLeft(community, OrganizationId.of("timeline-second"), "merged",
                secondDay)));
        send(envelope(community, 6, new CooperationAgreementSigned(community, AgreementId.of("timeline-agreement"),
                "Practice base", List.of(OrganizationId.of("timeline-first"), OrganizationId.of("never-a-member")),
                List.of("internships"), secondDay)));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedVersion(community) == 6);

        assertThat(viewer.stats().timeline().days()).contains(new Timeline.Day(firstDay, 3, 0),
                new Timeline.Day(secondDay, 0, 1));
        assertThat(viewer.communities().community(community.value()).agreements()).singleElement()
                .satisfies(agreement -> assertThat(agreement.parties()).containsExactly(
                        new Community.MemberRef("timeline-first", "第一家"),
                        new Community.MemberRef("never-a-member", null)));
        CommunityPage found = viewer.communities().communities(community.value().substring(0, 13), 0, 10);
        assertThat(found.total()).isEqualTo(1);
        assertThat(found.items()).singleElement().satisfies(item -> assertThat(item.name()).isEqualTo(name));
        assertThat(viewer.communities().communities("时间线共同体", 0, 200).items())
                .extracting(CommunitySummary::communityId).contains(community.value());
    }

    private static MemberJoined joinedOn(CommunityId community, String organizationId, String name, LocalDate day) {
        return new MemberJoined(community, new Organization(OrganizationId.of(organizationId), name,
                OrganizationKind.ENTERPRISE, Province.CN_SC), day);
    }

    @Test
    void roles_plaques_agreements_and_leaving_show_in_every_view() {
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

        Community view = viewer.communities().community(community.value());
        assertThat(view.memberCount()).isEqualTo(2);
        assertThat(view.chairUnit()).isEqualTo(new Community.MemberRef("southern-film-group", "南方影视集团"));
        assertThat(view.plaques()).extracting(Community.Plaque::title).contains("School of Digital Media Industry");
        assertThat(view.agreements()).extracting(Community.Agreement::partyOrganizationIds)
                .contains(List.of("hust-press", "southern-film-group"));
        assertThat(view.version()).isEqualTo(10);
        MemberPage chairs = members(community.value(), MemberFilter.ALL.withRole("CHAIR_UNIT"));
        assertThat(chairs.total()).isEqualTo(1);
        assertThat(chairs.items()).extracting(Member::roles).contains(List.of("CHAIR_UNIT"));
        MemberPage ofHubei = members(community.value(), MemberFilter.ALL.withProvince("CN-HB"));
        assertThat(ofHubei.total()).isEqualTo(1);
        assertThat(ofHubei.items()).extracting(Member::name).contains("华中科技大学出版社");
        MemberPage found = members(community.value(), MemberFilter.ALL.withText("影视"));
        assertThat(found.total()).isEqualTo(1);
        assertThat(found.items()).extracting(Member::name).contains("南方影视集团");
        assertThat(members(community.value(), MemberFilter.ALL.withText("100%")).total()).isZero();
        var pressView = viewer.organizations().organization("hust-press", null);
        assertThat(pressView.name()).isEqualTo("华中科技大学出版社");
        assertThat(pressView.agreements()).extracting(agreement -> agreement.agreementId()).contains("agreement-1");
        assertThat(viewer.organizations().organization("leaving-member", null).memberships())
                .extracting(membership -> membership.active()).contains(false);
        Stats stats = viewer.stats().stats();
        assertThat(stats.byKind()).containsKey("ENTERPRISE");
        assertThat(stats.byProvince()).containsKey("CN-HB");
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
    void an_unknown_community_is_a_404_problem() {
        assertThatThrownBy(() -> viewer.communities().community("no-such-community"))
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(404);
                    assertThat(refused.answeredWithProblemBody()).as("an application/problem+json body").isTrue();
                });
    }

    @Test
    void a_page_larger_than_the_cap_is_a_400_problem_naming_the_parameter() {
        assertThatThrownBy(() -> viewer.communities().members("any", MemberFilter.ALL, 0, 100_000))
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.problem().errors()).extracting(Problem.FieldError::field).contains("size");
                });
    }

    @Test
    void a_search_with_a_nul_or_broken_utf8_is_a_400_problem_not_a_database_error() throws Exception {
        assertThatThrownBy(() -> members("any", MemberFilter.ALL.withText("a\0b")))
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).as(refused.problem().describe()).isEqualTo(400);
                    assertThat(refused.answeredWithProblemBody()).as("a problem body with its status").isTrue();
                    assertThat(refused.problem().errors()).extracting(Problem.FieldError::field).contains("q");
                });
        HttpResponse<String> broken = getRaw("/api/communities/any/members?q=%C0%AF");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void a_query_string_over_the_limit_is_a_414_problem() {
        assertThatThrownBy(() -> members("any", MemberFilter.ALL.withText("a".repeat(9_000))))
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).as(refused.problem().describe()).isEqualTo(414);
                    // application/problem+json, with "status":414 in the body
                    assertThat(refused.answeredWithProblemBody()).as("a problem body with its status").isTrue();
                });
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

    /** The community's member count as the API shows it; 0 while it has no view yet (a 404). */
    private int memberCountOrZero(CommunityId community) {
        try {
            return viewer.communities().community(community.value()).memberCount();
        } catch (LedgerProblemException e) {
            if (e.status() == 404) {
                return 0;
            }
            throw e;
        }
    }

    /** The first page of the community's members that match, as large as the service pages by default. */
    private MemberPage members(String communityId, MemberFilter filter) {
        return viewer.communities().members(communityId, filter, 0, 50);
    }

    /** Raw HTTP: a query string that is not percent-encoded UTF-8 is a request no client can form. */
    private HttpResponse<String> getRaw(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", Accounts.basic("viewer")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
