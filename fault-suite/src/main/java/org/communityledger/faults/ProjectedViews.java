package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query side's views in PostgreSQL, read directly: what every API answer is made from. */
final class ProjectedViews {

    /** A community's row: the version the projector applied up to and the member count it keeps. */
    record CommunityRow(long version, long memberCount) {
    }

    private final StoredEvents database;

    ProjectedViews(StoredEvents database) {
        this.database = database;
    }

    Map<String, CommunityRow> communities(Collection<String> ids) throws SQLException {
        Map<String, CommunityRow> rows = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "select community_id, version, member_count from projection.community where community_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), new CommunityRow(result.getLong(2), result.getLong(3)));
                }
            }
        }
        return rows;
    }

    /** Active members, as "communityId/organizationId". */
    Set<String> activeMembers(Collection<String> ids) throws SQLException {
        Set<String> members = new HashSet<>();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "select community_id, organization_id from projection.member where active and community_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    members.add(result.getString(1) + "/" + result.getString(2));
                }
            }
        }
        return members;
    }

    /** Change-log entries (the live stream's source) per community. */
    Map<String, Long> changesPerCommunity(Collection<String> ids) throws SQLException {
        Map<String, Long> changes = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("""
                     select community_id, count(*) from projection.projection_change
                      where community_id = any(?) group by community_id""")) {
            select.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    changes.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return changes;
    }

    /**
     * Every view row of these communities, every column, as sorted text: two snapshots are equal exactly when
     * the views are. The change log is left out: its ids and times differ by construction after a rebuild.
     */
    List<String> snapshot(Collection<String> ids) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (String table : List.of("community", "member", "governing_position", "plaque", "agreement")) {
                try (PreparedStatement select = connection.prepareStatement(
                        "select * from projection." + table + " where community_id = any(?)")) {
                    select.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
                    try (ResultSet result = select.executeQuery()) {
                        ResultSetMetaData columns = result.getMetaData();
                        while (result.next()) {
                            StringBuilder row = new StringBuilder(table);
                            for (int column = 1; column <= columns.getColumnCount(); column++) {
                                row.append('|').append(columns.getColumnName(column)).append('=')
                                        .append(result.getString(column));
                            }
                            rows.add(row.toString());
                        }
                    }
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
