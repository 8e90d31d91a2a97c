package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.communityledger.command.IndependentLogCheck.Opened;
import org.communityledger.command.ledger.TransparencyFence;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.RecordSignature;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.proofs.batch.BatchSignature;
import org.communityledger.proofs.batch.BatchVerifier;
import org.communityledger.proofs.note.NoteVerifier;
import org.communityledger.testsupport.TopicReader;
import org.communityledger.verifier.OfflineVerifier;
import org.communityledger.verifier.Problem;
import org.communityledger.verifier.Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The transparency log against a real PostgreSQL: signed checkpoints and RFC 9162 proofs checked with code
 * written apart from the production code, every covered field edited in SQL and caught, and the settling of
 * holes in the positions that keeps every leaf where it was first put.
 */
@CommandServiceTest
class TransparencyLogIT {

    private static final Path PUBLISHED_CHECKPOINTS = Path.of(System.getProperty("java.io.tmpdir"),
            "ledger-checkpoints-" + UUID.randomUUID());

    private static final Duration SEALED_WITHIN = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    EmbeddedKafkaBroker broker;

    /** A context of its own: other test classes edit and delete events on purpose, which this log detects. */
    @DynamicPropertySource
    static void checkpointPublication(DynamicPropertyRegistry registry) {
        registry.add("ledger.transparency.publish.directory", PUBLISHED_CHECKPOINTS::toString);
        registry.add("ledger.transparency.publish.interval", () -> "300ms");
    }

    private CommandApi api;

    @BeforeEach
    void setUp() {
        api = new CommandApi(port);
    }

    @Test
    void a_checkpoint_signs_the_tree_of_the_settled_events_and_every_inclusion_proof_verifies_on_its_own() {
        String community = api.establish();
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            positions.add(position(join(community, "included-" + i)));
        }
        awaitSealed(positions.get(positions.size() - 1));

        assertThat(text("/api/audit/verifier-key").strip()).isEqualTo(CommandServiceTest.TEST_VERIFIER_KEY);
        Opened checkpoint = IndependentLogCheck.open(text("/api/audit/checkpoint"), CommandServiceTest.TEST_VERIFIER_KEY);
        assertThat(checkpoint.origin()).isEqualTo("test.community-ledger.local/log");
        assertThat(checkpoint.root()).isEqualTo(IndependentLogCheck.treeHash(storedLeafInputs(checkpoint.size())));

        for (long position : positions) {
            JsonNode proof = json("/api/audit/proofs/inclusion?position=" + position + "&treeSize=" + checkpoint.size());
            long index = proof.get("leafIndex").asLong();
            byte[] leafInput = base64(proof.get("leafInput"));
            List<byte[]> path = hashes(proof.get("path"));
            assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.size());
            assertThat(HexFormat.of().formatHex(leafInput)).isEqualTo(storedHash(position));
            assertThat(IndependentLogCheck.inclusionHolds(index, checkpoint.size(), leafInput, path, checkpoint.root()))
                    .as("inclusion of position %d", position).isTrue();

            assertThat(IndependentLogCheck.inclusionHolds(index, checkpoint.size(), flipped(leafInput), path,
                    checkpoint.root())).as("an altered leaf").isFalse();
            for (int i = 0; i < path.size(); i++) {
                List<byte[]> altered = new ArrayList<>(path);
                altered.set(i, flipped(path.get(i)));
                assertThat(IndependentLogCheck.inclusionHolds(index, checkpoint.size(), leafInput, altered,
                        checkpoint.root())).as("path hash %d altered", i).isFalse();
            }
        }
    }

    @Test
    void new_checkpoints_are_published_to_the_configured_directory_each_under_its_own_size() throws Exception {
        awaitSealed(position(join(api.establish(), "published")));
        long size = treeSize();
        await().atMost(SEALED_WITHIN).until(() -> publishedSizes().stream().anyMatch(published -> published >= size));
        for (long published : publishedSizes()) {
            Opened checkpoint = IndependentLogCheck.open(
                    Files.readString(PUBLISHED_CHECKPOINTS.resolve("checkpoint-" + published)),
                    CommandServiceTest.TEST_VERIFIER_KEY);
            assertThat(checkpoint.size()).isEqualTo(published);
            assertThat(checkpoint.root()).isEqualTo(IndependentLogCheck.treeHash(storedLeafInputs(published)));
        }
    }

    private List<Long> publishedSizes() throws Exception {
        if (!Files.isDirectory(PUBLISHED_CHECKPOINTS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(PUBLISHED_CHECKPOINTS)) {
            return files.map(path -> path.getFileName().toString())
                    .peek(name -> assertThat(name).matches("checkpoint-[1-9][0-9]*"))
                    .map(name -> Long.parseLong(name.substring("checkpoint-".length())))
                    .toList();
        }
    }

    @Test
    void every_published_record_carries_its_chain_hashes_and_the_ledger_keys_signature() {
        String community = api.establish();
        long position = position(join(community, "signed-record"));
        await().atMost(SEALED_WITHIN).until(() -> recordAt(position) != null);
        ConsumerRecord<String, byte[]> record = recordAt(position);
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        assertThat(headers.get(EventHeaders.HASH)).isEqualTo(storedHash(position));
        assertThat(headers.get(EventHeaders.PREV_HASH)).isEqualTo(jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from domain_event_entry
                        where aggregate_identifier = :id and sequence_number = 0""")
                .param("id", community).query(String.class).single());
        assertThat(headers).as("records are signed per batch, not one by one").doesNotContainKey(EventHeaders.SIGNATURE);
        BatchSignature signature = BatchSignature.decode(Base64.getDecoder().decode(
                headers.get(EventHeaders.BATCH_SIGNATURE)));
        BatchVerifier ledger = new BatchVerifier(NoteVerifier.parse(CommandServiceTest.TEST_VERIFIER_KEY), 4);
        byte[] signedBytes = RecordSignature.signedBytes(record.key(), record.value(), headers);
        assertThat(ledger.refusal(signedBytes, signature)).isEmpty();
        byte[] altered = record.value().clone();
        altered[altered.length / 2] ^= 1;
        assertThat(ledger.refusal(RecordSignature.signedBytes(record.key(), altered, headers), signature)).isPresent();
    }

    private ConsumerRecord<String, byte[]> recordAt(long position) {
        return TopicReader.readToEnd(broker.getBrokersAsString(), WireFormat.TOPIC).stream()
                .filter(record -> record.headers().lastHeader(EventHeaders.POSITION) != null
                        && new String(record.headers().lastHeader(EventHeaders.POSITION).value(), StandardCharsets.UTF_8)
                        .equals(Long.toString(position)))
                .findFirst().orElse(null);
    }

    @Test
    void a_later_checkpoint_is_proven_to_extend_an_earlier_one() {
        String community = api.establish();
        awaitSealed(position(join(community, "before-0")));
        Opened earlier = IndependentLogCheck.open(text("/api/audit/checkpoint"), CommandServiceTest.TEST_VERIFIER_KEY);
        long last = 0;
        for (int i = 0; i < 7; i++) {
            last = position(join(community, "after-" + i));
        }
        awaitSealed(last);
        Opened later = IndependentLogCheck.open(text("/api/audit/checkpoint"), CommandServiceTest.TEST_VERIFIER_KEY);
        assertThat(later.size()).isGreaterThan(earlier.size());

        JsonNode proof = json("/api/audit/proofs/consistency?from=" + earlier.size() + "&to=" + later.size());
        List<byte[]> path = hashes(proof.get("path"));
        assertThat(IndependentLogCheck.consistencyHolds(earlier.size(), later.size(), earlier.root(), later.root(), path))
                .isTrue();
        for (int i = 0; i < path.size(); i++) {
            List<byte[]> altered = new ArrayList<>(path);
            altered.set(i, flipped(path.get(i)));
            assertThat(IndependentLogCheck.consistencyHolds(earlier.size(), later.size(), earlier.root(), later.root(),
                    altered)).as("path hash %d altered", i).isFalse();
        }
        assertThat(IndependentLogCheck.consistencyHolds(earlier.size(), later.size(), flipped(earlier.root()),
                later.root(), path)).as("another earlier root").isFalse();
        assertThat(hashes(json("/api/audit/proofs/consistency?from=" + later.size() + "&to=" + later.size()).get("path")))
                .isEmpty();
    }

    @Test
    void proofs_asked_outside_the_tree_are_refused_with_a_problem_naming_the_parameter() {
        awaitSealed(position(join(api.establish(), "bounds")));
        long size = treeSize();
        assertProblem("/api/audit/proofs/inclusion?position=999999999", 404, "position 999999999");
        assertProblem("/api/audit/proofs/inclusion?position=0", 400, "position");
        assertProblem("/api/audit/proofs/inclusion?position=abc", 400, "position");
        assertProblem("/api/audit/proofs/inclusion?position=1&treeSize=" + (size + 1000), 400, "treeSize");
        assertProblem("/api/audit/proofs/consistency?from=0&to=1", 400, "from");
        assertProblem("/api/audit/proofs/consistency?from=2&to=1", 400, "from");
        assertProblem("/api/audit/proofs/consistency?from=1&to=" + (size + 1000), 400, "to");
        assertThat(api.as("viewer").send("GET", "/api/audit/checkpoint", null, null, Map.of()).statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "an edit of the {0} is caught by verify and by the checkpoint check")
    @ValueSource(strings = {"payload", "principal", "correlationId", "idempotencyKey", "timestamp", "position"})
    void an_edit_of_a_covered_field_is_caught_by_verify_and_by_the_checkpoint_check(String field) throws Exception {
        String community = api.establish();
        HttpResponse<String> joined = api.post("/api/communities/" + community + "/members",
                CommandApi.joinBody("edited-" + field.toLowerCase()), Map.of("Idempotency-Key", "edit-" + UUID.randomUUID()));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        long position = position(joined);
        awaitSealed(position);
        String checkpoint = text("/api/audit/checkpoint");
        assertThat(checkpointCheck(checkpoint).get("valid").asBoolean()).isTrue();
        assertThat(offlineVerification(checkpoint).valid()).as("the untouched export").isTrue();

        Map<String, Object> original = jdbc.sql("select * from domain_event_entry where global_index = :position")
                .param("position", position).query().singleRow();
        Tampering tampering = new Tampering(postgres);
        assertThat(tampering.run(edit(field), position)).isEqualTo(1);
        try {
            JsonNode verification = json("/api/audit/communities/" + community + "/verify");
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isFalse();
            assertThat(verification.get("firstBadVersion").asLong()).isEqualTo(2);
            JsonNode check = checkpointCheck(checkpoint);
            assertThat(check.get("valid").asBoolean()).as(check.toString()).isFalse();
            assertThat(check.get("problems").toString()).contains("rewritten");
            Report offline = offlineVerification(checkpoint);
            assertThat(offline.valid()).as("the offline verifier on an export taken now").isFalse();
            assertThat(offline.problems()).anyMatch(problem -> problem.kind() == Problem.Kind.HASH_MISMATCH);
        } finally {
            tampering.run("""
                            update domain_event_entry set global_index = ?, payload = ?, meta_data = ?, time_stamp = ?
                            where event_identifier = ?""", original.get("global_index"), original.get("payload"),
                    original.get("meta_data"), original.get("time_stamp"), original.get("event_identifier"));
        }
        assertThat(json("/api/audit/communities/" + community + "/verify").get("valid").asBoolean()).isTrue();
        assertThat(checkpointCheck(checkpoint).get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_hole_left_by_a_rolled_back_append_is_settled_and_can_never_be_filled_afterwards() throws Exception {
        long hole;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            hole = takePosition(connection);
            connection.rollback();
        }
        String community = api.establish();
        long after = position(join(community, "past-the-hole"));
        // Sealed past the hole: the sealer gave the hole up for good (a run later) instead of waiting for it.
        awaitSealed(after);
        assertThat(jdbc.sql("select settled_position from transparency_state").query(Long.class).single())
                .isGreaterThanOrEqualTo(after);
        assertLeavesFollowPositions();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> insertEstablishedCopy(connection, hole))
                    .hasMessageContaining("already settled");
            connection.rollback();
        }
    }

    @Test
    void an_append_that_commits_late_takes_its_leaf_in_position_order_and_no_leaf_ever_moves() throws Exception {
        long late;
        long overtaking;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            late = takePosition(connection);
            String community = api.establish();
            overtaking = position(join(community, "overtaking"));
            // Several sealing runs while the late append still holds its position: none may seal past it.
            Thread.sleep(1_500);
            assertThat(jdbc.sql("select count(*) from transparency_leaf where position >= :late")
                    .param("late", late).query(Long.class).single()).isZero();
            insertEstablishedCopy(connection, late);
            connection.commit();
        }
        awaitSealed(overtaking);
        awaitSealed(late);
        assertLeavesFollowPositions();
    }

    // ----------------------------------------------------------------------------------------------------------

    private static String edit(String field) {
        String metadataField = "update domain_event_entry set meta_data = convert_to(jsonb_set("
                + "convert_from(meta_data, 'UTF8')::jsonb, '{%s}', '\"mallory\"')::text, 'UTF8') where global_index = ?";
        return switch (field) {
            case "payload" -> "update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                    + " 'CN-GD', 'CN-SC'), 'UTF8') where global_index = ?";
            case "timestamp" -> "update domain_event_entry set time_stamp = '2025-10-19T01:00:00.000Z' where global_index = ?";
            case "position" -> "update domain_event_entry set global_index = global_index + 1000000000 where global_index = ?";
            default -> metadataField.formatted(field);
        };
    }

    /** Takes a position the way an append does: the settling fence shared, then the identity sequence. */
    private static long takePosition(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("""
                select nextval(cast(pg_get_serial_sequence('domain_event_entry', 'global_index') as regclass))
                from (select pg_advisory_xact_lock_shared(?)) as fence""")) {
            statement.setLong(1, TransparencyFence.LOCK_KEY);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A community's first event, copied under a new id and sealed (v1) by hand, stored at a given position. */
    private void insertEstablishedCopy(Connection connection, long position) throws Exception {
        Map<String, Object> template = jdbc.sql("""
                        select aggregate_identifier, type, payload_type, payload_revision, convert_from(payload, 'UTF8') as payload
                        from domain_event_entry where payload_type = 'CommunityEstablished' limit 1""")
                .query().singleRow();
        String communityId = UUID.randomUUID().toString();
        byte[] payload = ((String) template.get("payload")).replace((String) template.get("aggregate_identifier"),
                communityId).getBytes(StandardCharsets.UTF_8);
        String timestamp = "2025-10-19T02:00:00.000Z";
        String hash = ChainHash.v1(communityId, 1, "CommunityEstablished", (String) template.get("payload_revision"),
                timestamp, ChainHash.GENESIS, payload);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, ?, 0, ?, ?, ?, ?, ?, 'CommunityEstablished', ?)""")) {
            insert.setLong(1, position);
            insert.setString(2, communityId);
            insert.setString(3, (String) template.get("type"));
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, ("{\"principal\":\"admin\",\"correlationId\":\"late\",\"prevHash\":\"" + ChainHash.GENESIS
                    + "\",\"hash\":\"" + hash + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, payload);
            insert.setString(7, (String) template.get("payload_revision"));
            insert.setString(8, timestamp);
            insert.executeUpdate();
        }
    }

    private void assertLeavesFollowPositions() {
        List<Long> positions = jdbc.sql("select position from transparency_leaf order by leaf_index")
                .query(Long.class).list();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        long leaves = jdbc.sql("select count(*) from transparency_leaf").query(Long.class).single();
        assertThat(jdbc.sql("select max(leaf_index) + 1 from transparency_leaf").query(Long.class).single())
                .isEqualTo(leaves);
        assertThat(treeSize()).isGreaterThanOrEqualTo(leaves);
    }

    private void awaitSealed(long position) {
        await().atMost(SEALED_WITHIN).until(() -> jdbc.sql(
                        "select count(*) from transparency_leaf l, transparency_state s"
                                + " where l.position = :position and l.leaf_index < s.tree_size")
                .param("position", position).query(Long.class).single() == 1);
    }

    private long treeSize() {
        return jdbc.sql("select tree_size from transparency_state").query(Long.class).single();
    }

    private List<byte[]> storedLeafInputs(long size) {
        return jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from domain_event_entry
                        order by global_index limit :size""")
                .param("size", size)
                .query(String.class).list().stream().map(HexFormat.of()::parseHex).toList();
    }

    private String storedHash(long position) {
        return jdbc.sql("select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from domain_event_entry"
                + " where global_index = :position").param("position", position).query(String.class).single();
    }

    private HttpResponse<String> join(String community, String organizationId) {
        HttpResponse<String> response = api.post("/api/communities/" + community + "/members",
                CommandApi.joinBody(organizationId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private long position(HttpResponse<String> response) {
        return Long.parseLong(api.field(response, "position"));
    }

    private String text(String path) {
        HttpResponse<String> response = api.as("auditor").send("GET", path, null, null, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = api.as("auditor").send("GET", path, null, null, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.body(response);
    }

    /** A whole export, downloaded as an auditor would, checked by the offline verifier against a checkpoint. */
    private Report offlineVerification(String checkpoint) throws Exception {
        HttpResponse<String> export = api.as("auditor").send("GET", "/api/audit/export", null, null, Map.of());
        assertThat(export.statusCode()).isEqualTo(200);
        return OfflineVerifier.verify(new java.io.ByteArrayInputStream(export.body().getBytes(StandardCharsets.UTF_8)),
                Optional.of(checkpoint), Optional.of(NoteVerifier.parse(CommandServiceTest.TEST_VERIFIER_KEY)),
                Optional.empty());
    }

    private JsonNode checkpointCheck(String checkpoint) {
        HttpResponse<String> response = api.as("auditor").send("POST", "/api/audit/checkpoint/verify", checkpoint,
                "text/plain", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.body(response);
    }

    private void assertProblem(String path, int status, String named) {
        HttpResponse<String> response = api.as("auditor").send("GET", path, null, null, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(named);
    }

    private static byte[] base64(JsonNode text) {
        return Base64.getDecoder().decode(text.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(base64(hash)));
        return hashes;
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
