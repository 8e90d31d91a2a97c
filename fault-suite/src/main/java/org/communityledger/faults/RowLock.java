package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Rows of the system's database held FOR UPDATE by the suite's own transaction: a service that writes them
 * waits, mid-transaction, exactly where the suite wants a crash to strike. Released by rolling back.
 */
final class RowLock implements AutoCloseable {

    private final Connection connection;
    private boolean released;

    private RowLock(Connection connection) {
        this.connection = connection;
    }

    /** Locks the rows {@code select} finds (a query ending in FOR UPDATE, with one text parameter). */
    static RowLock hold(StoredEvents database, String select, String parameter) throws SQLException {
        Connection connection = database.connect();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(select)) {
                lock.setString(1, parameter);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("nothing to lock: " + select + " with " + parameter);
                    }
                }
            }
            return new RowLock(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Waits until a session of the database waits for a lock in a statement matching {@code statement} (a LIKE
     * pattern, case ignored): the service has reached the held rows.
     */
    static boolean awaitWaiter(StoredEvents database, String statement, Duration within) throws SQLException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.connect();
                 PreparedStatement waiting = connection.prepareStatement(
                         "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike ?")) {
                waiting.setString(1, statement);
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return true;
                    }
                }
            }
            Rest.sleep(Duration.ofMillis(50));
        }
        return false;
    }

    /** Releases the rows; a second call does nothing. */
    @Override
    public void close() throws SQLException {
        if (released) {
            return;
        }
        released = true;
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
