package org.communityledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.proofs.chain.ChainedEvent;
import org.communityledger.proofs.chain.HashVersion;

/**
 * Long histories in seconds instead of hours: events written straight into the event store, each a copy of a
 * real event the service stored (a community established and a member joined over the API), with a new
 * community id, organisation id and event id, sealed under the service's chain hash v2 at positions taken from
 * the store's own sequence. The service reads, publishes, audits and extends them like its own. All rows commit
 * in one transaction, so the publisher meets the whole backlog at once.
 */
final class HistorySeeder {

    private record Template(String aggregateType, String payloadType, String revision, String payload,
                            String metaData) {
    }

    private static final DateTimeFormatter STORED_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final RawPostgres database;
    private final ObjectMapper json = new ObjectMapper();

    HistorySeeder(RawPostgres database) {
        this.database = database;
    }

    /**
     * Seeds communities whose histories add up to {@code events}: the first has {@code firstHistory} events,
     * the others 1,000 each. Answers the seeded community ids, the first being the long one.
     *
     * @param templateCommunity a community established over the API with exactly one member joined
     */
    List<String> seed(String templateCommunity, int firstHistory, int events) throws SQLException, IOException {
        List<String> communities = new ArrayList<>();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            Template established = template(connection, templateCommunity, 0);
            Template joined = template(connection, templateCommunity, 1);
            String templateMember = json.readTree(joined.payload()).at("/organization/organizationId").asText();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into ledger.domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                Positions positions = new Positions(connection);
                int remaining = events;
                for (int community = 0; remaining > 0; community++) {
                    int length = Math.min(remaining, community == 0 ? firstHistory : 1000);
                    String communityId = UUID.randomUUID().toString();
                    communities.add(communityId);
                    String prevHash = ChainHash.GENESIS;
                    for (int sequence = 0; sequence < length; sequence++) {
                        Template template = sequence == 0 ? established : joined;
                        String payload = template.payload().replace(templateCommunity, communityId);
                        if (sequence > 0) {
                            payload = payload.replace(templateMember, "seed-" + community + "-" + sequence);
                        }
                        prevHash = add(insert, positions, template, communityId, sequence, payload, prevHash);
                        if (sequence % 1000 == 999) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                    remaining -= length;
                }
            }
            // A writer outside the service announces its commit on the store's channel (docs/operations.md), so
            // the publisher and the transparency log meet the backlog at once rather than at their next idle look.
            try (Statement announce = connection.createStatement()) {
                announce.execute("notify ledger_events");
            }
            connection.commit();
        }
        return communities;
    }

    private String add(PreparedStatement insert, Positions positions, Template template, String communityId,
                       int sequence, String payload, String prevHash) throws SQLException, IOException {
        // The store's own form: milliseconds, always three digits (Axon's DateTimeUtils).
        String timestamp = STORED_INSTANT.format(Instant.now());
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        long position = positions.next();
        String eventId = UUID.randomUUID().toString();
        ObjectNode metaData = (ObjectNode) json.readTree(template.metaData());
        metaData.put("correlationId", UUID.randomUUID().toString());
        metaData.remove("idempotencyKey");
        // Sealed under v2, as the service seals today: the position is taken first, as the service takes it.
        String hash = ChainHash.v2(new ChainedEvent(HashVersion.V2, eventId, communityId, sequence + 1L, position,
                template.payloadType(), template.revision(), timestamp, metaData.path("principal").asText(null),
                metaData.path("correlationId").asText(), null, prevHash, payloadBytes));
        metaData.put("hashVersion", HashVersion.V2.tag());
        metaData.put("prevHash", prevHash);
        metaData.put("hash", hash);
        insert.setLong(1, position);
        insert.setString(2, communityId);
        insert.setLong(3, sequence);
        insert.setString(4, template.aggregateType());
        insert.setString(5, eventId);
        insert.setBytes(6, json.writeValueAsBytes(metaData));
        insert.setBytes(7, payloadBytes);
        insert.setString(8, template.revision());
        insert.setString(9, template.payloadType());
        insert.setString(10, timestamp);
        insert.addBatch();
        return hash;
    }

    /** Global positions from the store's own sequence, a thousand per round trip. */
    private static final class Positions {
        private final Connection connection;
        private final java.util.ArrayDeque<Long> reserved = new java.util.ArrayDeque<>();

        Positions(Connection connection) {
            this.connection = connection;
        }

        long next() throws SQLException {
            if (reserved.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement("""
                        select nextval(pg_get_serial_sequence('ledger.domain_event_entry', 'global_index'))
                        from generate_series(1, 1000)""");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reserved.add(rows.getLong(1));
                    }
                }
            }
            return reserved.removeFirst();
        }
    }

    private Template template(Connection connection, String communityId, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select type, payload_type, payload_revision, payload, meta_data from ledger.domain_event_entry
                where aggregate_identifier = ? and sequence_number = ?""")) {
            select.setString(1, communityId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no event " + sequence + " of template community " + communityId);
                }
                return new Template(row.getString(1), row.getString(2), row.getString(3),
                        new String(row.getBytes(4), StandardCharsets.UTF_8),
                        new String(row.getBytes(5), StandardCharsets.UTF_8));
            }
        }
    }
}
