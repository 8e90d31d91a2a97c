package org.communityledger.command.dispatch;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys in PostgreSQL, so that they hold across restarts and across command instances. A key is
 * looked up as (principal, key), and only while it is younger than the retention: an expired key that the
 * cleanup ({@link IdempotencyRetention}) has not deleted yet answers nothing, and the next request with it
 * takes its place.
 */
@Component
class IdempotencyRecords {

    /** Expired at the database's clock, which every command instance shares. */
    private static final String EXPIRED = "recorded_at <= now() - :retentionMillis * interval '1 millisecond'";

    private final JdbcClient jdbc;
    private final IdempotencyProperties properties;

    IdempotencyRecords(JdbcClient jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    Optional<IdempotencyRecord> find(String principal, String key) {
        return jdbc.sql("""
                        select principal, idempotency_key, request_fingerprint, community_id, version, created_id_name,
                               created_id
                        from idempotency_key
                        where principal = :principal and idempotency_key = :key and not (%s)""".formatted(EXPIRED))
                .param("principal", principal)
                .param("key", key)
                .param("retentionMillis", properties.retention().toMillis())
                .query((rs, row) -> new IdempotencyRecord(
                        rs.getString("principal"),
                        rs.getString("idempotency_key"),
                        rs.getString("request_fingerprint"),
                        rs.getString("community_id"),
                        rs.getLong("version"),
                        rs.getString("created_id_name") == null ? null
                                : new CreatedId(rs.getString("created_id_name"), rs.getString("created_id"))))
                .optional();
    }

    /**
     * Must run in the command's transaction: the key is stored if and only if the events are. An expired record
     * of the same key is replaced; a live one (a concurrent twin's, committed meanwhile) fails this command, whose
     * events then roll back, and the dispatcher answers with the twin's outcome.
     */
    void insert(IdempotencyRecord record) {
        int stored = jdbc.sql("""
                        insert into idempotency_key (principal, idempotency_key, request_fingerprint, community_id,
                                                     version, created_id_name, created_id)
                        values (:principal, :key, :fingerprint, :communityId, :version, :createdIdName, :createdId)
                        on conflict (principal, idempotency_key) do update
                        set request_fingerprint = excluded.request_fingerprint, community_id = excluded.community_id,
                            version = excluded.version, created_id_name = excluded.created_id_name,
                            created_id = excluded.created_id, recorded_at = now()
                        where idempotency_key.recorded_at <= now() - :retentionMillis * interval '1 millisecond'""")
                .param("principal", record.principal())
                .param("key", record.key())
                .param("fingerprint", record.requestFingerprint())
                .param("communityId", record.communityId())
                .param("version", record.version())
                .param("createdIdName", record.created() == null ? null : record.created().name())
                .param("createdId", record.created() == null ? null : record.created().value())
                .param("retentionMillis", properties.retention().toMillis())
                .update();
        if (stored == 0) {
            throw new DuplicateKeyException("the Idempotency-Key '" + record.key() + "' of " + record.principal()
                    + " was stored by a concurrent request");
        }
    }

    /** Deletes up to {@code limit} expired keys, oldest first; answers how many. */
    int deleteExpired(int limit) {
        // skip locked: two command instances cleaning at once take different rows instead of waiting for each other.
        return jdbc.sql("""
                        delete from idempotency_key where ctid in (
                            select ctid from idempotency_key where %s
                            order by recorded_at limit :limit for update skip locked)""".formatted(EXPIRED))
                .param("retentionMillis", properties.retention().toMillis())
                .param("limit", limit)
                .update();
    }
}
