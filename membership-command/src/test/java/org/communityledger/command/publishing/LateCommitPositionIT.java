package org.communityledger.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.communityledger.command.CommandApi;
import org.communityledger.command.CommandServiceTest;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.events.wire.WireFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Transactions commit in any order, so an event can commit after one with a higher global position. The
 * publisher must still give each record its own event's position (the header that stream ids and
 * read-your-writes rely on), not the highest position it has seen.
 */
@CommandServiceTest
class LateCommitPositionIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void an_event_that_commits_after_a_later_one_is_published_with_its_own_position() throws Exception {
        CommandApi commands = new CommandApi(port);
        String early = commands.establish();
        String late = UUID.randomUUID().toString();

        long latePosition;
        long joinPosition;
        try (Connection transaction = dataSource.getConnection()) {
            transaction.setAutoCommit(false);
            latePosition = appendCopyOfFirstEvent(transaction, early, late);
            // Committed while the copy's transaction is still open: it gets a higher position and is published first.
            joinPosition = commands.joinAnswer(early, "southern-film-group").position();
            transaction.commit();
        }
        assertThat(joinPosition).isGreaterThan(latePosition);

        Map<String, Long> published = publishedPositions(List.of(early, late));
        assertThat(published.get(early + "#2")).isEqualTo(joinPosition);
        assertThat(published.get(late + "#1")).as("position of the late-committing event").isEqualTo(latePosition);
    }

    /** Inserts the first event of {@code template} as the first event of {@code communityId}, sealed properly. */
    private long appendCopyOfFirstEvent(Connection transaction, String template, String communityId) throws Exception {
        Map<String, Object> row = new HashMap<>();
        try (PreparedStatement select = transaction.prepareStatement("""
                select type, payload_type, payload_revision, payload, meta_data from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""")) {
            select.setString(1, template);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                row.put("type", result.getString(1));
                row.put("payloadType", result.getString(2));
                row.put("revision", result.getString(3));
                row.put("payload", new String(result.getBytes(4), StandardCharsets.UTF_8).replace(template, communityId));
                row.put("metaData", new String(result.getBytes(5), StandardCharsets.UTF_8));
            }
        }
        String timestamp = Instant.now().toString();
        byte[] payload = ((String) row.get("payload")).getBytes(StandardCharsets.UTF_8);
        // Sealed under v1, as events stored before chain v2 are: v1 does not cover the position, which the
        // store only hands out at the insert below.
        String hash = ChainHash.v1(communityId, 1, (String) row.get("payloadType"), (String) row.get("revision"),
                timestamp, ChainHash.GENESIS, payload);
        String metaData = ((String) row.get("metaData"))
                .replaceAll("\"hashVersion\"\\s*:\\s*\"[^\"]*\"\\s*,?", "")
                .replaceAll(",\\s*}$", "}")
                .replaceAll("\"hash\"\\s*:\\s*\"[0-9a-f]{64}\"", "\"hash\":\"" + hash + "\"");
        try (PreparedStatement insert = transaction.prepareStatement("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, 0, ?, ?, ?, ?, ?, ?, ?) returning global_index""")) {
            insert.setString(1, communityId);
            insert.setString(2, (String) row.get("type"));
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, metaData.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, payload);
            insert.setString(6, (String) row.get("revision"));
            insert.setString(7, (String) row.get("payloadType"));
            insert.setString(8, timestamp);
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** "communityId#version" → the position header of its record, for the given communities. */
    private Map<String, Long> publishedPositions(List<String> communities) {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(broker, "late-" + UUID.randomUUID(), false);
        properties.put("auto.offset.reset", "earliest");
        Map<String, Long> positions = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(WireFormat.TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (communities.contains(record.key())) {
                        positions.put(record.key() + "#" + header(record, EventHeaders.SEQUENCE),
                                Long.parseLong(header(record, EventHeaders.POSITION)));
                    }
                }
                return positions.size() >= 3;
            });
        }
        return positions;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
