package org.communityledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.communityledger.events.wire.UndecodableEventException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class FailuresTest {

    @Test
    void the_database_gone_a_timeout_or_a_missing_relation_are_transient() {
        assertThat(Failures.isTransient(translated("08006"))).as("connection failure").isTrue();
        assertThat(Failures.isTransient(translated("57P01"))).as("admin shutdown").isTrue();
        assertThat(Failures.isTransient(translated("57014"))).as("statement timeout").isTrue();
        assertThat(Failures.isTransient(translated("40001"))).as("serialization failure").isTrue();
        assertThat(Failures.isTransient(translated("40P01"))).as("deadlock").isTrue();
        assertThat(Failures.isTransient(translated("55P03"))).as("lock not available").isTrue();
        assertThat(Failures.isTransient(translated("42P01"))).as("relation missing during a migration").isTrue();
        assertThat(Failures.isTransient(translated("25006"))).as("read-only after a failover").isTrue();
        assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("pool exhausted",
                new SQLTransientConnectionException("timeout")))).isTrue();
    }

    @Test
    void a_defect_a_constraint_or_an_unreadable_record_is_the_records_own() {
        assertThat(Failures.isTransient(translated("P0001"))).as("raised by a trigger").isFalse();
        assertThat(Failures.isTransient(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(Failures.isTransient(translated("22P02"))).as("invalid text representation").isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        assertThat(Failures.isTransient(new UndecodableEventException("malformed",
                new java.net.SocketException("looks like I/O")))).isFalse();
    }

    private static RuntimeException translated(String sqlState) {
        return new RuntimeException("listener failed",
                new UncategorizedSQLException("apply", "update ...", new SQLException("failed", sqlState)));
    }
}
