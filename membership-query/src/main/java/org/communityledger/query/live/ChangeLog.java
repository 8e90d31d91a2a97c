package org.communityledger.query.live;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the change log that the projector writes with every view change. */
@Component
class ChangeLog {

    private final JdbcClient jdbc;

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Change> after(long changeId, int limit) {
        return jdbc.sql("""
                        select change_id, position, community_id, version, event_name, payload::text as payload, applied_at
                        from projection_change where change_id > :changeId order by change_id limit :limit""")
                .param("changeId", changeId)
                .param("limit", limit)
                .query((rs, row) -> new Change(rs.getLong("change_id"), rs.getLong("position"),
                        rs.getString("community_id"), rs.getLong("version"), rs.getString("event_name"),
                        rs.getString("payload"), rs.getObject("applied_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Changes after one change id up to another, inclusive, at most {@code limit}. */
    List<Change> between(long afterChangeId, long upToChangeId, int limit) {
        return after(afterChangeId, limit).stream().filter(change -> change.changeId() <= upToChangeId).toList();
    }

    /** The position of a change, or 0 for "before any change". */
    long positionOf(long changeId) {
        return jdbc.sql("select coalesce(max(position), 0) from projection_change where change_id = :changeId")
                .param("changeId", changeId)
                .query(Long.class)
                .single();
    }

    /** The change id of the event at a position, if it is still in the window. */
    OptionalLong changeIdAt(long position) {
        return jdbc.sql("select change_id from projection_change where position = :position")
                .param("position", position)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    long latestChangeId() {
        return jdbc.sql("select coalesce(max(change_id), 0) from projection_change").query(Long.class).single();
    }

    long latestPosition() {
        return jdbc.sql("select coalesce(max(position), 0) from projection_change").query(Long.class).single();
    }

    /** Whether the event at this position has been applied; positions older than the window count as applied. */
    boolean reached(long position) {
        return jdbc.sql("""
                        select exists (select 1 from projection_change where position = :position)
                            or coalesce((select min(position) from projection_change), 0) > :position""")
                .param("position", position)
                .query(Boolean.class)
                .single();
    }

    /** Keeps the newest rows; answers how many were deleted. */
    int trimTo(long keep) {
        return jdbc.sql("""
                        delete from projection_change
                        where change_id <= (select max(change_id) from projection_change) - :keep""")
                .param("keep", keep)
                .update();
    }
}
