package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.communityledger.testsupport.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event store is append-only, and PostgreSQL enforces it: the command service connects as a role that may
 * read and append events but never change one, its migrations ran as the schema's owner, a trigger refuses even
 * the owner, and the query service's role cannot reach the schema at all. The service under test runs under these
 * roles itself, so every other test of this module shows that it needs no more.
 */
@CommandServiceTest
class AppendOnlyEventStoreIT {

    private static final String PERMISSION_DENIED = "42501";
    private static final String APPEND_ONLY = "LA001";

    @LocalServerPort
    int port;

    /** The service's own pool: connections as its role. */
    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private String community;

    @BeforeEach
    void aCommunityWithAMember() {
        CommandApi api = new CommandApi(port);
        community = api.establish();
        api.join(community, "append-only-member");
    }

    @Test
    void the_service_connects_as_its_own_role_and_the_event_store_belongs_to_the_owner_who_migrated_it() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("ledger_command");
        assertThat(jdbc.sql("""
                        select tableowner from pg_tables where schemaname = 'ledger' and tablename = 'domain_event_entry'""")
                .query(String.class).single()).isEqualTo("ledger_owner");
        assertThat(superuser().sql("select installed_by from ledger.flyway_schema_history where version = '3'")
                .query(String.class).single()).isEqualTo("ledger_owner");
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"update", "delete", "truncate"})
    void as_the_command_services_role_changing_stored_events_is_refused_and_they_stay_as_they_were(String change)
            throws Exception {
        List<String> before = storedRows();
        try (Connection connection = dataSource.getConnection()) {
            assertRefused(connection, statement(change), PERMISSION_DENIED,
                    "permission denied for table domain_event_entry");
        }
        assertThat(storedRows()).isEqualTo(before).hasSize(2);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"update", "delete", "truncate"})
    void even_the_schemas_owner_is_refused_by_the_trigger_while_nobody_switches_it_off(String change)
            throws Exception {
        List<String> before = storedRows();
        try (Connection owner = as("ledger_owner")) {
            assertRefused(owner, statement(change), APPEND_ONLY,
                    "the event store is append-only: " + change.toUpperCase() + " of ledger.domain_event_entry is refused");
        }
        assertThat(storedRows()).isEqualTo(before).hasSize(2);
    }

    @Test
    void as_the_query_services_role_the_event_store_can_be_neither_read_nor_written() throws Exception {
        try (Connection query = as("ledger_query")) {
            assertRefused(query, "select count(*) from ledger.domain_event_entry", PERMISSION_DENIED,
                    "permission denied for schema ledger");
            assertRefused(query, "select count(*) from ledger.token_entry", PERMISSION_DENIED,
                    "permission denied for schema ledger");
            assertRefused(query, statement("update"), PERMISSION_DENIED, "permission denied for schema ledger");
            assertRefused(query, """
                    insert into ledger.domain_event_entry (aggregate_identifier, sequence_number, event_identifier,
                        payload, payload_type, time_stamp)
                    values ('forged', 0, 'forged', '\\x7b7d', 'CommunityEstablished', '2025-10-19T00:00:00Z')""",
                    PERMISSION_DENIED, "permission denied for schema ledger");
        }
    }

    @Test
    void the_command_services_role_may_append_events_and_change_everything_else_it_keeps_but_not_the_migrations() {
        Map<String, String> privileges = jdbc.sql("""
                        select c.relname,
                               string_agg(p.privilege, ',' order by p.privilege)
                                   filter (where has_table_privilege('ledger_command', c.oid, p.privilege)) as held
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'ledger'
                        cross join unnest(array['DELETE', 'INSERT', 'SELECT', 'TRUNCATE', 'UPDATE']) as p(privilege)
                        where c.relkind in ('r', 'p')
                        group by c.relname""")
                .query((row, number) -> Map.entry(row.getString(1), Objects.toString(row.getString(2), "none")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(privileges).containsEntry("domain_event_entry", "INSERT,SELECT")
                .containsEntry("flyway_schema_history", "none")
                .containsKeys("token_entry", "snapshot_event_entry", "idempotency_key", "transparency_leaf");
        // Every other table, those of later migrations included (default privileges), is the service's to change.
        privileges.forEach((table, held) -> {
            if (!List.of("domain_event_entry", "flyway_schema_history").contains(table)) {
                assertThat(held).as(table).isEqualTo("DELETE,INSERT,SELECT,UPDATE");
            }
        });
        assertThat(jdbc.sql("""
                        select has_sequence_privilege('ledger_command',
                                   pg_get_serial_sequence('ledger.domain_event_entry', 'global_index'), 'USAGE')
                               and has_sequence_privilege('ledger_command',
                                   pg_get_serial_sequence('ledger.domain_event_entry', 'global_index'), 'UPDATE')""")
                .query(Boolean.class).single()).as("an append takes its positions with nextval").isTrue();
    }

    // ----------------------------------------------------------------------------------------------------------

    private String statement(String change) {
        return switch (change) {
            case "update" -> "update ledger.domain_event_entry set payload = convert_to('{}', 'UTF8')"
                    + " where aggregate_identifier = '" + community + "'";
            case "delete" -> "delete from ledger.domain_event_entry where aggregate_identifier = '" + community + "'";
            case "truncate" -> "truncate ledger.domain_event_entry";
            default -> throw new IllegalArgumentException(change);
        };
    }

    /** The community's stored events, each row as text, as the superuser reads them. */
    private List<String> storedRows() {
        return superuser()
                .sql("select e::text from ledger.domain_event_entry e where aggregate_identifier = :id"
                        + " order by sequence_number")
                .param("id", community).query(String.class).list();
    }

    private JdbcClient superuser() {
        return JdbcClient.create(postgres.getDatabase(EmbeddedPostgresConfiguration.SUPERUSER,
                EmbeddedPostgresConfiguration.DATABASE));
    }

    /** A connection as another of the ledger's roles (the embedded PostgreSQL trusts local connections). */
    private Connection as(String role) throws SQLException {
        return postgres.getDatabase(role, EmbeddedPostgresConfiguration.DATABASE).getConnection();
    }

    private static void assertRefused(Connection connection, String sql, String sqlState, String message) {
        assertThatThrownBy(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).isInstanceOfSatisfying(SQLException.class, refused -> {
            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo(sqlState);
            assertThat(refused.getMessage()).contains(message);
        });
    }
}
