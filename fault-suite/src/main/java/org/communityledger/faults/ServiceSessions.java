package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL sessions of one service: each service names its connections after itself
 * ({@code ApplicationName}, so {@code pg_stat_activity.application_name}), as an operator would find them.
 */
final class ServiceSessions {

    private ServiceSessions() {
    }

    /** Ends every session of the service, as a database failover would; answers how many. */
    static int terminate(Drill drill, String applicationName) throws SQLException {
        try (Connection connection = drill.store().connect();
             // Chosen first, then terminated: a condition beside pg_terminate_backend would not be sure to come first.
             PreparedStatement terminate = connection.prepareStatement("""
                     with chosen as materialized (
                         select pid from pg_stat_activity where application_name = ? and pid <> pg_backend_pid())
                     select count(*) filter (where pg_terminate_backend(pid)) from chosen""")) {
            terminate.setString(1, applicationName);
            try (ResultSet rows = terminate.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
