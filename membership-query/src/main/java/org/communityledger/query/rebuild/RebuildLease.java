package org.communityledger.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.communityledger.query.sql.DirectConnections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One rebuild at a time across every query instance: a PostgreSQL session lock, held on a connection of its
 * own (outside the pool) for as long as the rebuild runs. Should the instance die, its session ends and the lock goes with it,
 * so no lease has to expire.
 */
@Component
class RebuildLease {

    /** The lock's key, the same in every instance (a fixed, arbitrary number). */
    private static final long KEY = 0x4c65646765725242L;

    private final DirectConnections connections;
    private final JdbcClient jdbc;

    RebuildLease(DirectConnections connections, JdbcClient jdbc) {
        this.connections = connections;
        this.jdbc = jdbc;
    }

    /** The held lease, or null when another instance (or this one) holds it. */
    Held tryAcquire() {
        Connection connection = null;
        try {
            connection = connections.open();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return new Held(connection);
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            DirectConnections.closeQuietly(connection);
            throw new IllegalStateException("could not take the rebuild lease: " + e.getMessage(), e);
        }
    }

    /** Whether some instance holds the lease now. */
    boolean isHeld() {
        return jdbc.sql("""
                        select exists (select 1 from pg_locks where locktype = 'advisory' and granted
                            and classid::bigint = :high and objid::bigint = :low and objsubid = 1)""")
                .param("high", KEY >>> 32)
                .param("low", KEY & 0xffffffffL)
                .query(Boolean.class)
                .single();
    }

    /** A held lease; closing it releases the lock and ends its session. */
    static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            DirectConnections.closeQuietly(connection);
        }
    }
}
