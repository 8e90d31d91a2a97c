package org.communityledger.faults;

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
        database.eachRow("select community_id, version, member_count from projection.community where community_id = any(?)",
                ids, row -> rows.put(row.getString(1), new CommunityRow(row.getLong(2), row.getLong(3))));
        return rows;
    }

    /** Active members, as "communityId/organizationId". */
    Set<String> activeMembers(Collection<String> ids) throws SQLException {
        Set<String> members = new HashSet<>();
        database.eachRow("select community_id, organization_id from projection.member where active and community_id = any(?)",
                ids, row -> members.add(row.getString(1) + "/" + row.getString(2)));
        return members;
    }

    /** Change-log entries (the live stream's source) per community. */
    Map<String, Long> changesPerCommunity(Collection<String> ids) throws SQLException {
        Map<String, Long> changes = new HashMap<>();
        database.eachRow("""
                select community_id, count(*) from projection.projection_change
                 where community_id = any(?) group by community_id""",
                ids, row -> changes.put(row.getString(1), row.getLong(2)));
        return changes;
    }

    /**
     * Every view row of these communities, every column, as sorted text: two snapshots are equal exactly when
     * the views are. The change log is left out: its ids and times differ by construction after a rebuild.
     */
    List<String> snapshot(Collection<String> ids) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("community", "member", "governing_position", "plaque", "agreement")) {
            database.eachRow("select * from projection." + table + " where community_id = any(?)", ids, row -> {
                ResultSetMetaData columns = row.getMetaData();
                StringBuilder text = new StringBuilder(table);
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    text.append('|').append(columns.getColumnName(column)).append('=').append(row.getString(column));
                }
                rows.add(text.toString());
            });
        }
        rows.sort(null);
        return rows;
    }
}
