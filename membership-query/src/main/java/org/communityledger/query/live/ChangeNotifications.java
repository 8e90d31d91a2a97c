package org.communityledger.query.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.communityledger.query.projection.ChangeLogChannel;
import org.communityledger.query.sql.DirectConnections;
import org.springframework.stereotype.Component;

/**
 * Waits for PostgreSQL's notifications on {@link ChangeLogChannel}, which every query instance's projector sends
 * when it commits a view change and a rebuild sends when it swaps the views. It keeps one connection of its
 * own outside the pool (a LISTEN lasts as long as its session) and opens a new one when that breaks.
 */
@Component
class ChangeNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final DirectConnections connections;
    /** Used by the feed's reader thread; closed from the thread that stops the feed. */
    private volatile Connection connection;

    ChangeNotifications(DirectConnections connections) {
        this.connections = connections;
    }

    /**
     * Answers after a notification arrived or the timeout passed; notifications that arrive meanwhile are
     * consumed together. When the database cannot be reached it waits the timeout and tries again next time.
     */
    void await(Duration timeout) {
        try {
            PGConnection listening = listening();
            PGNotification[] arrived = listening.getNotifications((int) Math.max(1, timeout.toMillis()));
            if (arrived == null || arrived.length == 0) {
                return;
            }
            log.trace("{} notifications", arrived.length);
        } catch (SQLException e) {
            log.warn("Listening for view changes failed ({}); the change feed polls until it listens again",
                    e.getMessage());
            close();
            sleep(timeout);
        }
    }

    private PGConnection listening() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connections.open();
            try (Statement listen = connection.createStatement()) {
                listen.execute("listen " + ChangeLogChannel.NAME);
            }
        }
        return connection.unwrap(PGConnection.class);
    }

    @Override
    public void close() {
        DirectConnections.closeQuietly(connection);
        connection = null;
    }

    private static void sleep(Duration timeout) {
        try {
            Thread.sleep(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
