package org.communityledger.command;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Edits the event store the way an insider with the database's superuser would: in one transaction with
 * triggers switched off ({@code session_replication_role = replica}), which is what it takes to get past the
 * store's append-only and settling triggers. Tests use it to prove that every such edit is still detected.
 */
public final class Tampering {

    private final EmbeddedPostgres postgres;

    public Tampering(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Runs one statement on schema ledger with these parameters; answers the rows it changed. */
    public int run(String sql, Object... parameters) {
        try (Connection connection = postgres.getDatabase("postgres", "postgres").getConnection()) {
            connection.setAutoCommit(false);
            try (Statement setup = connection.createStatement()) {
                setup.execute("set local session_replication_role = replica");
                setup.execute("set local search_path = ledger");
            }
            int changed;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                changed = statement.executeUpdate();
            }
            connection.commit();
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("tampering failed: " + sql, e);
        }
    }
}
