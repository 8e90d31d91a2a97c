package org.communityledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.communityledger.command.CommandServiceTest;
import org.communityledger.testsupport.EmbeddedPostgresConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency keys in PostgreSQL: their cleanup after the retention, and the migration that scoped them. */
@CommandServiceTest
class IdempotencyKeysIT {

    @Autowired
    IdempotencyRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void the_cleanup_deletes_keys_older_than_the_retention_and_keeps_younger_ones() {
        String principal = "retention-" + UUID.randomUUID();
        for (String age : List.of("25 hours", "3 days", "24 hours 1 minute", "23 hours", "1 minute")) {
            jdbc.sql("""
                            insert into idempotency_key (principal, idempotency_key, request_fingerprint, community_id,
                                                         version, recorded_at)
                            values (:principal, :age, repeat('0', 64), 'c', 1, now() - cast(:age as interval))""")
                    .param("principal", principal).param("age", age).update();
        }

        retention.deleteExpired();

        assertThat(jdbc.sql("select idempotency_key from idempotency_key where principal = :principal order by 1")
                .param("principal", principal).query(String.class).list())
                .containsExactly("1 minute", "23 hours");
    }

    /**
     * A log with keys from before keys were scoped: each takes the principal its command's events recorded, and a
     * key with no events is dropped. Done in a schema of its own, migrated to V4 first.
     */
    @Test
    void keys_stored_before_take_the_principal_their_events_recorded() {
        String schema = "idempotency_scope_" + UUID.randomUUID().toString().substring(0, 8);
        DataSource owner = postgres.getDatabase(EmbeddedPostgresConfiguration.SUPERUSER,
                EmbeddedPostgresConfiguration.DATABASE);
        JdbcClient before = JdbcClient.create(owner);
        try {
            migrate(owner, schema, "4");
            appendEvent(before, schema, 1, "{\"principal\":\"alice\",\"idempotencyKey\":\"k-1\"}");
            appendEvent(before, schema, 2, "{\"principal\":\"jwt:bob\",\"idempotencyKey\":\"k-2\"}");
            appendEvent(before, schema, 3, "{\"principal\":\"alice\"}");
            for (String key : List.of("k-1", "k-2", "k-without-events")) {
                before.sql("insert into " + schema + ".idempotency_key (idempotency_key, request_fingerprint, "
                                + "community_id, version) values (:key, repeat('0', 64), 'c', 1)")
                        .param("key", key).update();
            }

            migrate(owner, schema, null);

            assertThat(before.sql("select principal || ' ' || idempotency_key from " + schema
                    + ".idempotency_key order by 1").query(String.class).list())
                    .containsExactly("alice k-1", "jwt:bob k-2");
            before.sql("insert into " + schema + ".idempotency_key (principal, idempotency_key, request_fingerprint, "
                    + "community_id, version) values ('carol', 'k-1', repeat('0', 64), 'c', 1)").update();
        } finally {
            before.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private static void migrate(DataSource owner, String schema, String target) {
        Flyway.configure().dataSource(owner).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration")
                // No service role to grant to: V3 then leaves privileges as they are.
                .placeholders(Map.of("command_role", ""))
                .target(target == null ? "latest" : target)
                .load().migrate();
    }

    private static void appendEvent(JdbcClient jdbc, String schema, long version, String metadata) {
        jdbc.sql("insert into " + schema + ".domain_event_entry (aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_type, time_stamp) values ('community-1', "
                        + ":version, 'Community', :id, convert_to(:metadata, 'UTF8'), convert_to('{}', 'UTF8'), "
                        + "'CommunityEstablished', '2025-10-19T00:00:00Z')")
                .param("version", version).param("id", UUID.randomUUID().toString()).param("metadata", metadata)
                .update();
    }
}
