package org.communityledger.events.wire;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reading side refuses, each with a reason that ends up in the dead-letter topic's headers. */
class WireFormatRefusalTest {

    private static final String KEY = "5f0c3b8e-2d7a-4c55-9a51-0c8f2e7d9b10";
    private static final String JOINED = "{\"communityId\":\"" + KEY + "\",\"organization\":{"
            + "\"organizationId\":\"southern-film-group\",\"name\":\"南方影视集团\",\"kind\":\"ENTERPRISE\","
            + "\"province\":\"CN-GD\"},\"joinedOn\":\"2025-10-19\"}";

    private final WireFormat wire = new WireFormat(new EventCodec());

    @Test
    void an_unknown_event_name_is_refused() {
        assertRefused(headers("MemberPromoted", "1"), JOINED, "unknown event name");
    }

    @Test
    void a_later_revision_than_this_side_reads_is_refused() {
        assertRefused(headers("MemberJoined", "3"), JOINED, "revision 3 cannot be read");
    }

    @Test
    void bytes_that_are_not_json_are_refused() {
        assertRefused(headers("MemberJoined", "2"), "\u0000\u0001garbage", "malformed");
    }

    @Test
    void a_field_the_contract_does_not_define_is_refused() {
        assertRefused(headers("MemberJoined", "2"), JOINED.replace("}", ",\"extra\":1}"), "malformed");
    }

    @Test
    void an_invalid_value_inside_the_event_is_refused() {
        assertRefused(headers("MemberJoined", "2"), JOINED.replace("CN-GD", "CN-XX"), "malformed");
    }

    @Test
    void a_key_that_is_not_the_event_s_community_is_refused() {
        Map<String, String> headers = headers("MemberJoined", "2");
        assertThatThrownBy(() -> wire.read(new WireFormat.WireRecord("another-community",
                JOINED.getBytes(StandardCharsets.UTF_8), headers)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void missing_headers_are_refused() {
        Map<String, String> headers = headers("MemberJoined", "2");
        headers.remove(EventHeaders.SEQUENCE);
        assertRefused(headers, JOINED, "ledger-sequence is missing");
    }

    private void assertRefused(Map<String, String> headers, String value, String reason) {
        assertThatThrownBy(() -> wire.read(new WireFormat.WireRecord(KEY, value.getBytes(StandardCharsets.UTF_8),
                headers)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining(reason);
    }

    private static Map<String, String> headers(String name, String revision) {
        Map<String, String> headers = new HashMap<>();
        headers.put(EventHeaders.EVENT_NAME, name);
        headers.put(EventHeaders.EVENT_REVISION, revision);
        headers.put(EventHeaders.EVENT_ID, "event-1");
        headers.put(EventHeaders.SEQUENCE, "2");
        headers.put(EventHeaders.POSITION, "17");
        headers.put(EventHeaders.TIMESTAMP, "2025-10-19T02:30:00Z");
        return headers;
    }
}
