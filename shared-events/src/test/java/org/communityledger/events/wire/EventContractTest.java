package org.communityledger.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;
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

    static Stream<Arguments> pinnedEvents() {
        return Stream.of(
                Arguments.of("CommunityEstablished", 1,
                        new CommunityEstablished(COMMUNITY, "四川省智慧视听产业产教融合共同体", "Smart audiovisual", "Sichuan",
                                OrganizationId.of("nanchong-film-vocational-college"),
                                "南充影视职业学院文艺中心", LocalDate.of(2025, 10, 19)),
                        "{\"communityId\":\"5f0c3b8e-2d7a-4c55-9a51-0c8f2e7d9b10\","
                                + "\"name\":\"四川省智慧视听产业产教融合共同体\",\"sector\":\"Smart audiovisual\","
                                + "\"region\":\"Sichuan\",\"hostOrganizationId\":\"nanchong-film-vocational-college\","
                                + "\"venue\":\"南充影视职业学院文艺中心\",\"establishedOn\":\"2025-10-19\"}"),
                Arguments.of("MemberJoined", 1,
                        new MemberJoined(COMMUNITY, OrganizationId.of("91440300708461136T"), "南方影视集团",
                                OrganizationKind.ENTERPRISE, Province.CN_GD, LocalDate.of(2025, 10, 19)),
                        "{\"communityId\":\"5f0c3b8e-2d7a-4c55-9a51-0c8f2e7d9b10\","
                                + "\"organizationId\":\"91440300708461136T\",\"name\":\"南方影视集团\","
                                + "\"kind\":\"ENTERPRISE\",\"province\":\"CN-GD\",\"joinedOn\":\"2025-10-19\"}"));
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
    void an_envelope_survives_the_wire_with_its_headers() {
        WireFormat wire = new WireFormat(codec);
        MemberJoined joined = new MemberJoined(COMMUNITY, OrganizationId.of("southern-film-group"), "南方影视集团",
                OrganizationKind.ENTERPRISE, Province.CN_GD, LocalDate.of(2025, 10, 19));
        EventEnvelope envelope = new EventEnvelope("event-1", COMMUNITY, 2, 17,
                java.time.Instant.parse("2025-10-19T02:30:00Z"), "correlation-1", joined);

        WireFormat.WireRecord record = wire.write(envelope);

        assertThat(record.key()).isEqualTo(COMMUNITY.value());
        assertThat(record.headers()).containsAllEntriesOf(Map.of(
                EventHeaders.EVENT_NAME, "MemberJoined",
                EventHeaders.EVENT_REVISION, "1",
                EventHeaders.EVENT_ID, "event-1",
                EventHeaders.SEQUENCE, "2",
                EventHeaders.POSITION, "17",
                EventHeaders.TIMESTAMP, "2025-10-19T02:30:00Z",
                EventHeaders.CORRELATION_ID, "correlation-1"));
        assertThat(wire.read(record)).isEqualTo(envelope);
    }
}
