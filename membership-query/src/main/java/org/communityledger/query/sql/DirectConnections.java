package org.communityledger.query.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Connections of their own, outside the pool, to the service's database: for what lives as long as a
 * session (a LISTEN, a session lock), so that closing one really ends its session.
 */
@Component
public class DirectConnections {

    private final DataSourceProperties dataSource;

    DirectConnections(DataSourceProperties dataSource) {
        this.dataSource = dataSource;
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
    }

    public static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // Nothing left to release.
            }
        }
    }
}
