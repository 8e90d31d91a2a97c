package org.communityledger.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.communityledger.events.CommunityDissolved;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.ConstitutionApproved;
import org.communityledger.events.CooperationAgreementSigned;
import org.communityledger.events.CooperationAgreementTerminated;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.MemberLeft;
import org.communityledger.events.MemberRoleAssigned;
import org.communityledger.events.MemberRoleRevoked;
import org.communityledger.events.OrganizationalListApproved;
import org.communityledger.events.PlaqueAwarded;
import org.communityledger.events.PlaqueRevoked;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.GoverningPosition;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.PlaqueId;
import org.communityledger.events.value.Province;
import org.communityledger.events.value.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the JSON of every event, byte for byte. These strings are in the event store and on the topic
 * for ever: if this test fails, the change breaks stored history; add a new revision and an upcaster
 * instead of editing an expectation.
 */
class EventContractTest {

    private static final CommunityId COMMUNITY = CommunityId.of("5f0c3b8e-2d7a-4c55-9a51-0c8f2e7d9b10");
    private final EventCodec codec = new EventCodec();

    private static final String COMMUNITY_JSON = "\"communityId\":\"5f0c3b8e-2d7a-4c55-9a51-0c8f2e7d9b10\"";
    private static final LocalDate DAY = LocalDate.of(2025, 10, 19);
    private static final OrganizationId SOUTHERN_FILM = OrganizationId.of("southern-film-group");
    private static final OrganizationId HUST_PRESS = OrganizationId.of("hust-press");
    private static final PlaqueId PLAQUE = PlaqueId.of("0d6f3f1c-8a51-4a3e-9d3c-6b2b7c1e2f40");
    private static final AgreementId AGREEMENT = AgreementId.of("a6a1d3b2-5c4e-4f7a-8e9d-1b2c3d4e5f60");

    static Stream<Arguments> pinnedEvents() {
        return Stream.of(
                pinned("CommunityEstablished", 1,
                        new CommunityEstablished(COMMUNITY, "四川省智慧视听产业产教融合共同体", "Smart audiovisual", "Sichuan",
                                OrganizationId.of("nanchong-film-vocational-college"), "南充影视职业学院文艺中心", DAY),
                        "\"name\":\"四川省智慧视听产业产教融合共同体\",\"sector\":\"Smart audiovisual\","
                                + "\"region\":\"Sichuan\",\"hostOrganizationId\":\"nanchong-film-vocational-college\","
                                + "\"venue\":\"南充影视职业学院文艺中心\",\"establishedOn\":\"2025-10-19\""),
                pinned("ConstitutionApproved", 1,
                        new ConstitutionApproved(COMMUNITY, "1.0",
                                Sha256.of("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"), DAY),
                        "\"version\":\"1.0\","
                                + "\"documentSha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                                + "\"approvedOn\":\"2025-10-19\""),
                pinned("OrganizationalListApproved", 1,
                        new OrganizationalListApproved(COMMUNITY,
                                List.of(new GoverningPosition(SOUTHERN_FILM, "理事长单位")), DAY),
                        "\"positions\":[{\"organizationId\":\"southern-film-group\",\"position\":\"理事长单位\"}],"
                                + "\"approvedOn\":\"2025-10-19\""),
                pinned("MemberJoined", 2,
                        new MemberJoined(COMMUNITY, new Organization(OrganizationId.of("91440300708461136T"),
                                "南方影视集团", OrganizationKind.ENTERPRISE, Province.CN_GD), DAY),
                        "\"organization\":{\"organizationId\":\"91440300708461136T\",\"name\":\"南方影视集团\","
                                + "\"kind\":\"ENTERPRISE\",\"province\":\"CN-GD\"},\"joinedOn\":\"2025-10-19\""),
                pinned("MemberLeft", 1,
                        new MemberLeft(COMMUNITY, SOUTHERN_FILM, "合作期满", DAY),
                        "\"organizationId\":\"southern-film-group\",\"reason\":\"合作期满\",\"leftOn\":\"2025-10-19\""),
                pinned("MemberRoleAssigned", 1,
                        new MemberRoleAssigned(COMMUNITY, SOUTHERN_FILM, MemberRole.CHAIR_UNIT),
                        "\"organizationId\":\"southern-film-group\",\"role\":\"CHAIR_UNIT\""),
                pinned("MemberRoleRevoked", 1,
                        new MemberRoleRevoked(COMMUNITY, SOUTHERN_FILM, MemberRole.SECRETARIAT),
                        "\"organizationId\":\"southern-film-group\",\"role\":\"SECRETARIAT\""),
                pinned("PlaqueAwarded", 1,
                        new PlaqueAwarded(COMMUNITY, PLAQUE, "School of Digital Media Industry",
                                OrganizationId.of("nanchong-film-vocational-college"), "邹鹏", DAY),
                        "\"plaqueId\":\"0d6f3f1c-8a51-4a3e-9d3c-6b2b7c1e2f40\","
                                + "\"title\":\"School of Digital Media Industry\","
                                + "\"recipientOrganizationId\":\"nanchong-film-vocational-college\","
                                + "\"presentedBy\":\"邹鹏\",\"awardedOn\":\"2025-10-19\""),
                pinned("PlaqueRevoked", 1,
                        new PlaqueRevoked(COMMUNITY, PLAQUE, "awarded in error"),
                        "\"plaqueId\":\"0d6f3f1c-8a51-4a3e-9d3c-6b2b7c1e2f40\",\"reason\":\"awarded in error\""),
                pinned("CooperationAgreementSigned", 1,
                        new CooperationAgreementSigned(COMMUNITY, AGREEMENT, "Strategic cooperation agreement",
                                List.of(HUST_PRESS, SOUTHERN_FILM), List.of("textbook development", "resource construction"),
                                DAY),
                        "\"agreementId\":\"a6a1d3b2-5c4e-4f7a-8e9d-1b2c3d4e5f60\","
                                + "\"title\":\"Strategic cooperation agreement\","
                                + "\"partyOrganizationIds\":[\"hust-press\",\"southern-film-group\"],"
                                + "\"scope\":[\"textbook development\",\"resource construction\"],"
                                + "\"signedOn\":\"2025-10-19\""),
                pinned("CooperationAgreementTerminated", 1,
                        new CooperationAgreementTerminated(COMMUNITY, AGREEMENT, "completed", DAY),
                        "\"agreementId\":\"a6a1d3b2-5c4e-4f7a-8e9d-1b2c3d4e5f60\",\"reason\":\"completed\","
                                + "\"terminatedOn\":\"2025-10-19\""),
                pinned("CommunityDissolved", 1,
                        new CommunityDissolved(COMMUNITY, "merged into a national community", DAY),
                        "\"reason\":\"merged into a national community\",\"dissolvedOn\":\"2025-10-19\""));
    }

    private static Arguments pinned(String name, int revision, CommunityEvent event, String fieldsAfterCommunityId) {
        return Arguments.of(name, revision, event, "{" + COMMUNITY_JSON + "," + fieldsAfterCommunityId + "}");
    }

    @ParameterizedTest(name = "{0} revision {1}")
    @MethodSource("pinnedEvents")
    void each_event_has_a_pinned_name_revision_and_json(String name, int revision, CommunityEvent event,
                                                        String json) {
        EventType type = EventTypes.of(event.getClass());
        assertThat(type.name()).isEqualTo(name);
        assertThat(type.revision()).isEqualTo(revision);
        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(codec.decode(name, revision, json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Test
    void every_event_type_is_pinned_above_and_catalogued_once() {
        List<String> permitted = Arrays.stream(CommunityEvent.class.getPermittedSubclasses()).map(Class::getName)
                .toList();
        assertThat(EventTypes.all()).extracting(type -> type.javaType().getName())
                .containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(pinnedEvents().map(arguments -> arguments.get()[2].getClass().getName()))
                .containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(EventTypes.all()).extracting(EventType::name).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).doesNotContain("."));
    }

    @Test
    void a_member_joined_of_revision_1_is_read_as_revision_2() {
        String revision1 = "{" + COMMUNITY_JSON + ",\"organizationId\":\"91440300708461136T\",\"name\":\"南方影视集团\","
                + "\"kind\":\"ENTERPRISE\",\"province\":\"CN-GD\",\"joinedOn\":\"2025-10-19\"}";

        CommunityEvent read = codec.decode("MemberJoined", 1, revision1.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(new MemberJoined(COMMUNITY, new Organization(OrganizationId.of("91440300708461136T"),
                "南方影视集团", OrganizationKind.ENTERPRISE, Province.CN_GD), DAY));
    }

    @Test
    void every_revision_below_the_current_one_has_an_upcaster() {
        for (EventType type : EventTypes.all()) {
            for (int revision = 1; revision < type.revision(); revision++) {
                assertThat(EventUpcasters.from(type.name(), revision)).as("%s revision %d", type.name(), revision)
                        .isPresent();
            }
        }
    }

    @Test
    void an_envelope_survives_the_wire_with_its_headers() {
        WireFormat wire = new WireFormat(codec);
        MemberJoined joined = new MemberJoined(COMMUNITY, new Organization(SOUTHERN_FILM, "南方影视集团",
                OrganizationKind.ENTERPRISE, Province.CN_GD), DAY);
        EventEnvelope envelope = new EventEnvelope("event-1", COMMUNITY, 2, 17,
                java.time.Instant.parse("2025-10-19T02:30:00Z"), "correlation-1", joined);

        WireFormat.WireRecord record = wire.write(envelope);

        assertThat(record.key()).isEqualTo(COMMUNITY.value());
        assertThat(record.headers()).containsAllEntriesOf(Map.of(
                EventHeaders.EVENT_NAME, "MemberJoined",
                EventHeaders.EVENT_REVISION, "2",
                EventHeaders.EVENT_ID, "event-1",
                EventHeaders.SEQUENCE, "2",
                EventHeaders.POSITION, "17",
                EventHeaders.TIMESTAMP, "2025-10-19T02:30:00Z",
                EventHeaders.CORRELATION_ID, "correlation-1"));
        assertThat(wire.read(record)).isEqualTo(envelope);
    }
}
