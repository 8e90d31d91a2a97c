package org.communityledger.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class UnavailableStorageTest {

    @Test
    void a_cut_connection_deep_in_the_causes_means_the_database_is_unavailable() {
        SQLException cut = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(UnavailableStorage.causedBy(new IllegalStateException("command failed",
                new RuntimeException("append failed", cut)))).isTrue();
    }

    @Test
    void a_server_shutting_down_or_a_pool_without_connections_means_the_database_is_unavailable() {
        assertThat(UnavailableStorage.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(UnavailableStorage.causedBy(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(UnavailableStorage.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(UnavailableStorage.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void a_broken_constraint_or_a_plain_defect_is_not_unavailability() {
        assertThat(UnavailableStorage.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(UnavailableStorage.causedBy(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("raised by a trigger", "P0001")))).isFalse();
        assertThat(UnavailableStorage.causedBy(new NullPointerException())).isFalse();
    }
}
