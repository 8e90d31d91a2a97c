package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.common.caching.Cache;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.communityledger.command.ledger.TransparencyFence;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.proofs.chain.ChainedEvent;
import org.communityledger.proofs.chain.HashVersion;
import org.communityledger.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

/** The day of the conference over HTTP, then everything that can happen afterwards, rules included. */
@CommandServiceTest
class WholeDomainIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    @Qualifier("communityCache")
    Cache communityCache;

    @Autowired
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer;

    private CommandApi api;
    private String community;

    @BeforeEach
    void setUp() {
        api = new CommandApi(port);
        community = api.establish();
    }

    @Test
    void the_conference_and_its_aftermath_are_recorded_and_the_rules_hold() {
        ok("/constitution", """
                {"version":"1.0","documentSha256":"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
                 "approvedOn":"2025-10-19"}""");
        api.join(community, "southern-film-group");
        api.join(community, "hust-press");
        api.join(community, "nanchong-film-vocational-college");
        ok("/organizational-list", """
                {"positions":[{"organizationId":"southern-film-group","position":"理事长单位"},
                              {"organizationId":"nanchong-film-vocational-college","position":"秘书长单位"}],
                 "approvedOn":"2025-10-19"}""");
        ok("/members/southern-film-group/roles", "{\"role\":\"CHAIR_UNIT\"}");
        refused("/members/nanchong-film-vocational-college/roles", "{\"role\":\"CHAIR_UNIT\"}", 409,
                "chair-unit-taken");
        String plaque = api.field(ok("/plaques", """
                {"title":"School of Digital Media Industry","recipientOrganizationId":"nanchong-film-vocational-college",
                 "presentedBy":"邹鹏","awardedOn":"2025-10-19"}"""), "plaqueId");
        String agreement = api.field(ok("/agreements", """
                {"title":"Strategic cooperation agreement","partyOrganizationIds":["hust-press","southern-film-group"],
                 "scope":["textbook development","resource construction"],"signedOn":"2025-10-19"}"""), "agreementId");
        refused("/agreements", """
                {"title":"t","partyOrganizationIds":["hust-press","stranger-org"],"scope":[],"signedOn":"2025-10-19"}""",
                409, "not-an-active-member");

        HttpResponse<String> transfer = ok("/members/nanchong-film-vocational-college/roles",
                "{\"role\":\"CHAIR_UNIT\",\"transfer\":true}");
        assertThat(api.field(transfer, "version")).isEqualTo("11");
        assertThat(eventNames()).endsWith("MemberRoleRevoked", "MemberRoleAssigned");

        ok("/plaques/" + plaque + "/revoke", "{\"reason\":\"awarded in error\"}");
        refused("/plaques/" + plaque + "/revoke", "{\"reason\":\"again\"}", 409, "plaque-already-revoked");
        refused("/plaques/no-such-plaque/revoke", "{\"reason\":\"x\"}", 404, "not-found");
        ok("/agreements/" + agreement + "/terminate", "{\"reason\":\"completed\",\"terminatedOn\":\"2025-10-20\"}");
        HttpResponse<String> revoke = api.send("DELETE",
                "/api/communities/" + community + "/members/nanchong-film-vocational-college/roles/CHAIR_UNIT", null,
                null, Map.of());
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        ok("/members/hust-press/leave", "{\"reason\":\"合作期满\",\"leftOn\":\"2025-10-20\"}");
        refused("/members/hust-press/roles", "{\"role\":\"SECRETARIAT\"}", 409, "not-an-active-member");
        refused("/members/southern-film-group/leave", "{\"reason\":\"early\",\"leftOn\":\"2025-10-18\"}", 409,
                "date-before-establishment");
        ok("/dissolve", "{\"reason\":\"merged into a national community\",\"dissolvedOn\":\"2025-10-20\"}");

        refused("/members", CommandApi.joinBody("late-member"), 409, "community-dissolved");
        assertThat(eventNames()).containsExactly("CommunityEstablished", "ConstitutionApproved", "MemberJoined",
                "MemberJoined", "MemberJoined", "OrganizationalListApproved", "MemberRoleAssigned", "PlaqueAwarded",
                "CooperationAgreementSigned", "MemberRoleRevoked", "MemberRoleAssigned", "PlaqueRevoked",
                "CooperationAgreementTerminated", "MemberRoleRevoked", "MemberLeft", "CommunityDissolved");
    }

    @Test
    void a_community_is_rebuilt_from_its_snapshot_and_the_events_after_it() {
        for (int i = 1; i <= 12; i++) {
            api.join(community, "member-" + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = :id")
                .param("id", community).query(Long.class).single() > 0);
        Map<String, Object> snapshot = jdbc.sql("""
                        select payload, payload_type, payload_revision from snapshot_event_entry
                        where aggregate_identifier = :id order by sequence_number desc limit 1""")
                .param("id", community).query().singleRow();
        Object state = snapshotSerializer.deserialize(new SimpleSerializedObject<>((byte[]) snapshot.get("payload"),
                byte[].class, (String) snapshot.get("payload_type"), (String) snapshot.get("payload_revision")));
        assertThat(state.getClass().getSimpleName()).as("the snapshot can be read back").isEqualTo("Community");
        communityCache.removeAll();

        refused("/members", CommandApi.joinBody("member-3"), 409, "already-active-member");
        assertThat(api.join(community, "member-13")).isEqualTo(14);
    }

    @Test
    void a_member_joined_stored_in_revision_1_is_read_through_the_upcaster() {
        // An event as the walking skeleton stored it: the organisation's fields beside the community id.
        String revision1 = """
                {"communityId":"%s","organizationId":"legacy-member","name":"早期成员","kind":"ENTERPRISE",
                 "province":"CN-SC","joinedOn":"2025-10-19"}""".formatted(community);
        transaction.executeWithoutResult(status -> insertSealed("1", revision1));
        communityCache.removeAll();

        refused("/members", CommandApi.joinBody("legacy-member"), 409, "already-active-member");
        assertThat(api.join(community, "new-member")).isEqualTo(3);
        assertThat(api.body(api.as("auditor").send("GET", "/api/audit/communities/" + community + "/verify", null, null,
                Map.of()))
                .get("valid").asBoolean()).as("the chain runs through the old revision").isTrue();

        // Published in the current revision, which the query side reads.
        ConsumerRecord<String, byte[]> published = publishedVersion(2);
        assertThat(header(published, EventHeaders.EVENT_REVISION)).isEqualTo("2");
        EventEnvelope read = new WireFormat(new EventCodec()).read(new WireFormat.WireRecord(published.key(),
                published.value(), Map.of(EventHeaders.EVENT_NAME, header(published, EventHeaders.EVENT_NAME),
                EventHeaders.EVENT_REVISION, "2", EventHeaders.EVENT_ID, header(published, EventHeaders.EVENT_ID),
                EventHeaders.SEQUENCE, "2", EventHeaders.POSITION, header(published, EventHeaders.POSITION),
                EventHeaders.TIMESTAMP, header(published, EventHeaders.TIMESTAMP))));
        assertThat(((MemberJoined) read.event()).organization().organizationId().value()).isEqualTo("legacy-member");
    }

    @Test
    void a_stored_event_of_the_current_revision_is_published_with_its_stored_json_unchanged() {
        // Valid JSON of revision 2, laid out as no encoder here would: the publisher must not decode and re-encode it.
        String stored = """
                { "communityId" : "%s",
                  "organization" : {"organizationId":"imported-member","name":"导入成员","kind":"ENTERPRISE",
                                    "province":"CN-SC"},
                  "joinedOn" : "2025-10-19" }""".formatted(community);
        transaction.executeWithoutResult(status -> insertSealed("2", stored));

        assertThat(new String(publishedVersion(2).value(), StandardCharsets.UTF_8)).isEqualTo(stored);
    }

    private ConsumerRecord<String, byte[]> publishedVersion(long version) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.readToEnd(broker.getBrokersAsString(), WireFormat.TOPIC, community).stream()
                        .filter(record -> header(record, EventHeaders.SEQUENCE).equals(Long.toString(version)))
                        .findFirst().orElse(null),
                Objects::nonNull);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /**
     * Stores a MemberJoined of {@code revision} as the community's version 2, sealed like any other event (chain v2,
     * at a position taken the way an append takes it), so the ledger's own checks still hold for this community.
     */
    private void insertSealed(String revision, String payload) {
        String prevHash = jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from domain_event_entry
                        where aggregate_identifier = :id and sequence_number = 0""")
                .param("id", community).query(String.class).single();
        long position = jdbc.sql("""
                        select nextval(cast(pg_get_serial_sequence('domain_event_entry', 'global_index') as regclass))
                        from (select pg_advisory_xact_lock_shared(:fence)) as fence""")
                .param("fence", TransparencyFence.LOCK_KEY)
                .query(Long.class).single();
        String eventId = UUID.randomUUID().toString();
        String timestamp = "2025-10-19T02:00:00.000Z";
        String hash = ChainHash.v2(new ChainedEvent(HashVersion.V2, eventId, community, 2, position, "MemberJoined",
                revision, timestamp, "admin", "legacy-import", null, prevHash, payload.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("""
                        insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (:position, :id, 1, 'Community', :eventId, convert_to(:metaData, 'UTF8'),
                                convert_to(:payload, 'UTF8'), :revision, 'MemberJoined', :timestamp)""")
                .param("position", position)
                .param("id", community)
                .param("eventId", eventId)
                .param("metaData", """
                        {"principal":"admin","correlationId":"legacy-import","hashVersion":"ledger-chain-v2",\
                        "prevHash":"%s","hash":"%s"}""".formatted(prevHash, hash))
                .param("payload", payload)
                .param("revision", revision)
                .param("timestamp", timestamp)
                .update();
    }

    private HttpResponse<String> ok(String path, String body) {
        HttpResponse<String> response = api.post("/api/communities/" + community + path, body);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    private void refused(String path, String body, int status, String problem) {
        long before = eventNames().size();
        HttpResponse<String> response = api.post("/api/communities/" + community + path, body);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
        assertThat(response.body()).contains(problem);
        assertThat(eventNames()).hasSize((int) before);
    }

    private java.util.List<String> eventNames() {
        return jdbc.sql("""
                        select payload_type from domain_event_entry where aggregate_identifier = :id
                        order by sequence_number""")
                .param("id", community).query(String.class).list();
    }
}
