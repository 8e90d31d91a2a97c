package org.communityledger.query.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityledger.events.wire.WireFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dead letters in the control schema, which outlives a rebuild's swap: the operator's record of what was
 * parked, replayed or discarded, and why.
 */
@Component
public class DeadLetterStore {

    private static final String TABLE = "projection_control.dead_letter";
    private static final String COLUMNS = """
            id, status, reason_kind, reason, community_id, version, position, topic, kafka_partition, kafka_offset,
            parked_at, resolved_at, resolved_by, resolution""";

    private final JdbcClient jdbc;

    DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A record parked again (a redelivery, another instance) stays one dead letter. */
    void add(Parked parked) {
        jdbc.sql("""
                        insert into %s (reason_kind, reason, community_id, version, position, topic, kafka_partition,
                                        kafka_offset, record_key, record_value, headers)
                        values (:kind, :reason, :community, :version, :position, :topic, :partition, :offset, :key,
                                :value, cast(:headers as jsonb))
                        on conflict (topic, kafka_partition, kafka_offset) do nothing""".formatted(TABLE))
                .param("kind", parked.reasonKind())
                .param("reason", textual(parked.reason()))
                .param("community", parked.communityId())
                .param("version", parked.version())
                .param("position", parked.position())
                .param("topic", parked.topic())
                .param("partition", parked.partition())
                .param("offset", parked.offset())
                .param("key", textual(parked.record().key()))
                .param("value", parked.record().value())
                .param("headers", HeldEvents.headersAsJson(textual(parked.record().headers())))
                .update();
    }

    /** Whether a record read from the topic was parked before (by this instance or another, before a rebalance). */
    boolean contains(String topic, int partition, long offset) {
        return jdbc.sql("select count(*) from %s where topic = :topic and kafka_partition = :partition and kafka_offset = :offset"
                        .formatted(TABLE))
                .param("topic", topic).param("partition", partition).param("offset", offset)
                .query(Long.class).single() > 0;
    }

    /**
     * PostgreSQL's text and jsonb cannot hold a NUL character, which a record written by anyone may carry (a
     * binary header read as text, say): it is replaced, so that the record can still be recorded.
     */
    private static String textual(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    private static Map<String, String> textual(Map<String, String> headers) {
        Map<String, String> clean = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> clean.put(textual(name), textual(value)));
        return clean;
    }

    /** Newest first; {@code status} and {@code communityId} narrow the list when not null. */
    public List<DeadLetter> list(String status, String communityId, int limit) {
        return jdbc.sql("""
                        select %s from %s
                        where (cast(:status as text) is null or status = :status)
                          and (cast(:community as text) is null or community_id = :community)
                        order by id desc limit :limit""".formatted(COLUMNS, TABLE))
                .param("status", status)
                .param("community", communityId)
                .param("limit", limit)
                .query((rs, row) -> deadLetter(rs))
                .list();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from " + TABLE + " where id = :id").param("id", id)
                .query((rs, row) -> deadLetter(rs)).optional();
    }

    /** The record as it was parked, to be read and applied again. */
    Optional<WireFormat.WireRecord> record(long id) {
        return jdbc.sql("select record_key, record_value, headers::text from " + TABLE + " where id = :id")
                .param("id", id)
                .query((rs, row) -> new WireFormat.WireRecord(rs.getString(1), rs.getBytes(2),
                        HeldEvents.headersFromJson(rs.getString(3))))
                .optional();
    }

    /** Parked records by reason kind, for the metrics and the operator's status. */
    public Map<String, Long> parkedByReason() {
        return jdbc.sql("select reason_kind, count(*) from " + TABLE + " where status = 'PARKED' group by reason_kind")
                .query(rs -> {
                    Map<String, Long> counts = new java.util.TreeMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                    return counts;
                });
    }

    /** Closes a parked dead letter; answers false when it was not parked (any more). */
    boolean resolve(long id, String status, String resolvedBy, String resolution) {
        return jdbc.sql("""
                        update %s set status = :status, resolved_at = now(), resolved_by = :by, resolution = :resolution
                        where id = :id and status = 'PARKED'""".formatted(TABLE))
                .param("status", status)
                .param("by", resolvedBy)
                .param("resolution", resolution)
                .param("id", id)
                .update() == 1;
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("status"), rs.getString("reason_kind"),
                rs.getString("reason"), rs.getString("community_id"), rs.getObject("version", Long.class),
                rs.getObject("position", Long.class), rs.getString("topic"),
                rs.getObject("kafka_partition", Integer.class), rs.getObject("kafka_offset", Long.class),
                instant(rs.getTimestamp("parked_at")), instant(rs.getTimestamp("resolved_at")),
                rs.getString("resolved_by"), rs.getString("resolution"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What parking records about a record. */
    record Parked(String reasonKind, String reason, String communityId, Long version, Long position, String topic,
                  Integer partition, Long offset, WireFormat.WireRecord record) {
    }
}
