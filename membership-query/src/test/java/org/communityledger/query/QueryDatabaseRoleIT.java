package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query service runs as its own database role, as in production: it owns the schemas it migrates and a
 * rebuild replaces, and is nobody with more rights (the command service's tests show it cannot reach the event
 * store). Every other test of this module therefore shows that the service needs no more.
 */
@QueryServiceTest
class QueryDatabaseRoleIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_service_connects_as_its_own_role_which_owns_the_views_and_is_no_superuser() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("ledger_query");
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("""
                        select distinct pg_get_userbyid(nspowner) from pg_namespace
                        where nspname in ('projection', 'projection_control')""")
                .query(String.class).list()).containsExactly("ledger_query");
    }
}
