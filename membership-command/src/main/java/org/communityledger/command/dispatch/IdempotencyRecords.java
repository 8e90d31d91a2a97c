package org.communityledger.command.dispatch;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotency keys in PostgreSQL, so that they hold across restarts and across command instances. */
@Component
class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IdempotencyRecord> find(String key) {
        return jdbc.sql("""
                        select idempotency_key, request_fingerprint, community_id, version, created_id_name, created_id
                        from idempotency_key where idempotency_key = :key""")
                .param("key", key)
                .query((rs, row) -> new IdempotencyRecord(
                        rs.getString("idempotency_key"),
                        rs.getString("request_fingerprint"),
                        rs.getString("community_id"),
                        rs.getLong("version"),
                        rs.getString("created_id_name") == null ? null
                                : new CreatedId(rs.getString("created_id_name"), rs.getString("created_id"))))
                .optional();
    }

    /** Must run in the command's transaction: the key is stored if and only if the events are. */
    void insert(IdempotencyRecord record) {
        jdbc.sql("""
                        insert into idempotency_key
                            (idempotency_key, request_fingerprint, community_id, version, created_id_name, created_id)
                        values (:key, :fingerprint, :communityId, :version, :createdIdName, :createdId)""")
                .param("key", record.key())
                .param("fingerprint", record.requestFingerprint())
                .param("communityId", record.communityId())
                .param("version", record.version())
                .param("createdIdName", record.created() == null ? null : record.created().name())
                .param("createdId", record.created() == null ? null : record.created().value())
                .update();
    }
}
