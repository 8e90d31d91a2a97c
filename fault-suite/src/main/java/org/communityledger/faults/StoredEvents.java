package org.communityledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The event store as it is on disk: the source of truth the suite compares everything else with. */
final class StoredEvents {

    /** One stored event. {@code version} is the community's version after it (its sequence number + 1). */
    record StoredEvent(String communityId, long version, long position, String idempotencyKey, String payloadType) {
    }

    private final String jdbcUrl;
    private final ObjectMapper json = new ObjectMapper();

    StoredEvents(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    List<StoredEvent> of(Collection<String> communities) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        eachRow("""
                select aggregate_identifier, sequence_number, global_index, meta_data, payload_type
                  from ledger.domain_event_entry where aggregate_identifier = any(?)
                 order by global_index""", communities, row -> events.add(new StoredEvent(row.getString(1),
                row.getLong(2) + 1, row.getLong(3), idempotencyKey(row.getBytes(4)), row.getString(5))));
        return events;
    }

    /** How many events each of these communities has (those without any are left out). */
    Map<String, Long> countsOf(Collection<String> communities) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        eachRow("""
                select aggregate_identifier, count(*) from ledger.domain_event_entry
                 where aggregate_identifier = any(?) group by aggregate_identifier""", communities,
                row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /** Every event in the store: what a bad request must not have added to. */
    long count() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("select count(*) from ledger.domain_event_entry");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Reads one row of a query's result. */
    interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql}, whose one parameter is the array of these communities' ids, and hands over each row. */
    void eachRow(String sql, Collection<String> communities, RowHandler handler) throws SQLException {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("varchar", communities.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    private String idempotencyKey(byte[] metaData) {
        if (metaData == null) {
            return null;
        }
        try {
            JsonNode key = json.readTree(metaData).get("idempotencyKey");
            return key == null || key.isNull() ? null : key.asText();
        } catch (IOException e) {
            throw new IllegalStateException("an event's metadata is not JSON", e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
