package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditors' API against a real PostgreSQL: ordered history, the global feed, time travel compared with
 * the states recorded along a scripted history, NDJSON export, and tampering done directly in SQL, each case
 * detected and named. Every tampering is undone afterwards, so the ledger stays valid for other tests.
 */
@CommandServiceTest
class AuditIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private final ObjectMapper json = new ObjectMapper();
    private CommandApi api;

    @BeforeEach
    void setUp() {
        api = new CommandApi(port);
    }

    @Test
    void time_travel_gives_the_state_recorded_after_each_step_of_a_scripted_history() throws Exception {
        String community = api.establish();
        List<JsonNode> recorded = new ArrayList<>();
        recorded.add(state(community, "version=1"));
        api.join(community, "southern-film-group");
        recorded.add(state(community, "version=2"));
        api.join(community, "hust-press");
        recorded.add(state(community, "version=3"));
        post(community, "/members/southern-film-group/roles", "{\"role\":\"CHAIR_UNIT\"}");
        recorded.add(state(community, "version=4"));
        post(community, "/agreements", """
                {"title":"Strategic cooperation agreement","partyOrganizationIds":["hust-press","southern-film-group"],
                 "scope":["textbook development"],"signedOn":"2025-10-19"}""");
        recorded.add(state(community, "version=5"));
        post(community, "/members/southern-film-group/leave", "{\"reason\":\"合作期满\",\"leftOn\":\"2025-10-20\"}");
        // leaving revoked the chair role first: two events, versions 6 and 7

        JsonNode now = state(community, "version=7");
        assertThat(now.get("members")).hasSize(1);
        assertThat(now.get("agreements").get(0).get("partyOrganizationIds").toString()).contains("southern-film-group");
        for (int version = 1; version <= 5; version++) {
            JsonNode again = state(community, "version=" + version);
            assertThat(again).as("state at version %d", version).isEqualTo(recorded.get(version - 1));
            Instant recordedAt = Instant.parse(again.get("recordedAt").asText());
            Instant nextRecordedAt = Instant.parse(state(community, "version=" + (version + 1)).get("recordedAt").asText());
            Instant between = recordedAt.plus(Duration.between(recordedAt, nextRecordedAt).dividedBy(2));
            assertThat(state(community, "asOf=" + recordedAt)).as("state as of version %d's instant", version)
                    .isEqualTo(recorded.get(version - 1));
            assertThat(state(community, "asOf=" + between)).as("state as of just before version %d", version + 1)
                    .isEqualTo(recorded.get(version - 1));
        }
        assertThat(state(community, "asOf=" + Instant.now())).isEqualTo(now);
        assertThat(recorded.get(3).get("members").get(0).get("organizationId").asText()).isEqualTo("southern-film-group");
        assertThat(recorded.get(3).get("members").get(0).get("roles").toString()).contains("CHAIR_UNIT");
        assertThat(recorded.get(0).get("members")).isEmpty();
        HttpResponse<String> before = get("/api/audit/communities/" + community + "/state?asOf=2000-01-01T00:00:00Z");
        assertThat(before.statusCode()).isEqualTo(404);
    }

    @Test
    void history_is_ordered_and_paged_and_the_global_feed_misses_and_repeats_nothing() throws Exception {
        String community = api.establish();
        for (int i = 1; i <= 5; i++) {
            api.join(community, "history-member-" + i);
        }
        JsonNode first = json.readTree(get("/api/audit/communities/" + community + "/events?limit=4").body());
        assertThat(first.get("total").asLong()).isEqualTo(6);
        assertThat(first.get("items")).extracting(item -> item.get("version").asLong()).containsExactly(1L, 2L, 3L, 4L);
        JsonNode second = json.readTree(get("/api/audit/communities/" + community + "/events?limit=4&afterVersion="
                + first.get("next").asLong()).body());
        assertThat(second.get("items")).extracting(item -> item.get("version").asLong()).containsExactly(5L, 6L);
        JsonNode event = first.get("items").get(1);
        assertThat(event.get("name").asText()).isEqualTo("MemberJoined");
        assertThat(event.get("revision").asInt()).isEqualTo(2);
        assertThat(event.get("metadata").get("hash").asText()).hasSize(64);
        assertThat(event.get("metadata").get("prevHash").asText())
                .isEqualTo(first.get("items").get(0).get("metadata").get("hash").asText());
        assertThat(event.get("metadata").get("principal").asText()).isEqualTo("admin");
        assertThat(event.get("payload").get("organization").get("organizationId").asText())
                .isEqualTo("history-member-1");

        List<Long> positions = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = json.readTree(get("/api/audit/events?limit=7&after=" + after).body());
            if (page.get("items").isEmpty()) {
                break;
            }
            page.get("items").forEach(item -> positions.add(item.get("position").asLong()));
            after = page.get("next").asLong();
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        long stored = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        assertThat(positions).hasSize((int) stored);
    }

    @Test
    void the_export_is_one_json_line_per_event_for_the_whole_log_a_community_or_a_range() throws Exception {
        String community = api.establish();
        api.join(community, "export-member");
        HttpResponse<String> all = get("/api/audit/export");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        String[] lines = all.body().split("\n");
        long stored = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        assertThat(lines).hasSize((int) stored);
        for (String line : lines) {
            assertThat(json.readTree(line).get("metadata").get("hash").asText()).hasSize(64);
        }
        String[] ofCommunity = get("/api/audit/export?communityId=" + community).body().split("\n");
        assertThat(ofCommunity).hasSize(2);
        long firstPosition = json.readTree(ofCommunity[0]).get("position").asLong();
        String[] range = get("/api/audit/export?after=" + (firstPosition - 1) + "&upTo=" + firstPosition).body()
                .split("\n");
        assertThat(range).hasSize(1);
        assertThat(json.readTree(range[0]).get("communityId").asText()).isEqualTo(community);
    }

    @Test
    void an_untouched_chain_verifies_and_its_head_is_the_last_hash() throws Exception {
        String community = api.establish();
        api.join(community, "verified-member");
        JsonNode verification = verify(community);
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("eventsChecked").asLong()).isEqualTo(2);
        assertThat(verification.get("headHash").asText()).isEqualTo(storedHash(community, 2));
    }

    @Test
    void one_changed_payload_byte_is_detected_and_named() throws Exception {
        String community = communityWithMembers(4);
        Map<String, Object> original = row(community, 3);
        tampering().run("""
                update domain_event_entry set payload = overlay(payload placing convert_to('X', 'UTF8') from 40 for 1)
                where aggregate_identifier = ? and sequence_number = 2""", community);
        try {
            JsonNode verification = verify(community);
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBadVersion").asLong()).isEqualTo(3);
            assertThat(verification.get("reason").asText()).contains("altered");
        } finally {
            restore(original);
        }
        assertThat(verify(community).get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_deleted_middle_event_is_detected_and_named() throws Exception {
        String community = communityWithMembers(4);
        Map<String, Object> original = row(community, 3);
        delete(community, 3);
        try {
            JsonNode verification = verify(community);
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBadVersion").asLong()).isEqualTo(3);
            assertThat(verification.get("reason").asText()).contains("version 3 is missing");
        } finally {
            restore(original);
        }
        assertThat(verify(community).get("valid").asBoolean()).isTrue();
    }

    @Test
    void two_swapped_events_are_detected_and_named() throws Exception {
        String community = communityWithMembers(4);
        Map<String, Object> second = row(community, 2);
        Map<String, Object> third = row(community, 3);
        swapPayloadsAndMetadata(community, 2, 3);
        try {
            JsonNode verification = verify(community);
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBadVersion").asLong()).isEqualTo(2);
        } finally {
            restore(second);
            restore(third);
        }
        assertThat(verify(community).get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_digest_proves_the_ledger_unchanged_and_exposes_events_deleted_after_it() throws Exception {
        String community = communityWithMembers(3);
        JsonNode digest = json.readTree(get("/api/audit/digest").body());
        assertThat(digest.get("merkleRoot").asText()).hasSize(64);

        api.join(community, "after-the-digest");
        JsonNode stillValid = verifyDigest(digest);
        assertThat(stillValid.get("valid").asBoolean()).as(stillValid.toString()).isTrue();

        Map<String, Object> last = row(community, 4);
        Map<String, Object> afterDigest = row(community, 5);
        delete(community, 5);
        delete(community, 4);
        try {
            assertThat(verify(community).get("valid").asBoolean())
                    .as("a truncated chain still verifies on its own: only the digest can tell").isTrue();
            JsonNode broken = verifyDigest(digest);
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("problems").toString()).contains("events up to position").contains("Merkle root");
        } finally {
            restore(last);
            restore(afterDigest);
        }
        assertThat(verifyDigest(digest).get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_digest_that_was_not_issued_by_the_ledger_does_not_verify() throws Exception {
        api.establish();
        JsonNode digest = json.readTree(get("/api/audit/digest").body());
        String forged = digest.toString().replace(digest.get("merkleRoot").asText(), "f".repeat(64));
        HttpResponse<String> response = api.as("auditor").send("POST", "/api/audit/digest/verify", forged,
                "application/json", Map.of());
        assertThat(json.readTree(response.body()).get("valid").asBoolean()).isFalse();
    }

    private String communityWithMembers(int members) {
        String community = api.establish();
        for (int i = 1; i <= members; i++) {
            api.join(community, "sealed-member-" + i);
        }
        return community;
    }

    private JsonNode state(String community, String query) throws Exception {
        HttpResponse<String> response = get("/api/audit/communities/" + community + "/state?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode verify(String community) throws Exception {
        return json.readTree(get("/api/audit/communities/" + community + "/verify").body());
    }

    private JsonNode verifyDigest(JsonNode digest) throws Exception {
        HttpResponse<String> response = api.as("auditor").send("POST", "/api/audit/digest/verify",
                digest.toString(), "application/json", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void post(String community, String path, String body) {
        HttpResponse<String> response = api.post("/api/communities/" + community + path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) {
        return api.as("auditor").send("GET", path, null, null, Map.of());
    }

    private String storedHash(String community, long version) {
        return jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from domain_event_entry
                        where aggregate_identifier = :id and sequence_number = :sequence""")
                .param("id", community).param("sequence", version - 1).query(String.class).single();
    }

    private Map<String, Object> row(String community, long version) {
        return jdbc.sql("select * from domain_event_entry where aggregate_identifier = :id and sequence_number = :sequence")
                .param("id", community).param("sequence", version - 1).query().singleRow();
    }

    private void delete(String community, long version) {
        tampering().run("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                community, version - 1);
    }

    /** Edits as an insider with the superuser would: the store's triggers refuse it to everyone else. */
    private Tampering tampering() {
        return new Tampering(postgres);
    }

    private void swapPayloadsAndMetadata(String community, long first, long second) {
        Map<String, Object> a = row(community, first);
        Map<String, Object> b = row(community, second);
        overwrite(community, first, b);
        overwrite(community, second, a);
    }

    private void overwrite(String community, long version, Map<String, Object> content) {
        tampering().run("""
                        update domain_event_entry set payload = ?, meta_data = ?, time_stamp = ?, event_identifier = ?
                        where aggregate_identifier = ? and sequence_number = ?""",
                content.get("payload"), content.get("meta_data"), content.get("time_stamp"),
                "swapped-" + content.get("event_identifier"), community, version - 1);
    }

    /** Puts a row back exactly as it was, global position included. */
    private void restore(Map<String, Object> original) {
        tampering().run("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                original.get("aggregate_identifier"), original.get("sequence_number"));
        tampering().run("""
                        insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                original.get("global_index"), original.get("aggregate_identifier"), original.get("sequence_number"),
                original.get("type"), original.get("event_identifier"), original.get("meta_data"),
                original.get("payload"), original.get("payload_revision"), original.get("payload_type"),
                original.get("time_stamp"));
    }
}
