package org.communityledger.query.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the change log that the projectors of every query instance write with each view change. Changes are
 * read in commit order ({@link ChangeCursor}) and only once settled: written by a transaction older than the
 * oldest one still running, so that no change can later appear before one already read.
 */
@Component
class ChangeLog {

    private static final String COLUMNS = """
            tx_id::text::bigint as tx_id, change_id, position, community_id, version, event_name,
            payload::text as payload, applied_at""";
    private static final String SETTLED = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    private final JdbcClient jdbc;

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What follows {@code after}: at most {@code limit} settled changes in commit order, whether committed
     * changes wait behind a transaction still running, and which table answered (a rebuild replaces it).
     */
    Batch after(ChangeCursor after, int limit) {
        // The outer row always exists, so the table's identity comes back even when nothing follows the cursor.
        List<Change> settled = new ArrayList<>();
        boolean[] unsettled = {false};
        long[] generation = {0};
        jdbc.sql("""
                        select (select 'projection_change'::regclass::oid)::bigint as generation, c.*
                        from (values (1)) as always
                        left join lateral (
                            select %s, %s as settled
                            from projection_change
                            where (tx_id, change_id) > (cast(cast(:txId as text) as xid8), :changeId)
                            order by tx_id, change_id limit :limit) as c on true""".formatted(COLUMNS, SETTLED))
                .param("txId", after.txId())
                .param("changeId", after.changeId())
                .param("limit", limit)
                .query(rs -> {
                    generation[0] = rs.getLong("generation");
                    if (rs.getObject("change_id") == null) {
                        return;
                    }
                    // Commit order puts every unsettled change after the settled ones.
                    if (rs.getBoolean("settled") && !unsettled[0]) {
                        settled.add(change(rs));
                    } else {
                        unsettled[0] = true;
                    }
                });
        return new Batch(settled, unsettled[0], generation[0]);
    }

    /** Settled changes after one cursor up to another, inclusive, at most {@code limit}. */
    List<Change> between(ChangeCursor after, ChangeCursor upTo, int limit) {
        return jdbc.sql("""
                        select %s from projection_change
                        where (tx_id, change_id) > (cast(cast(:afterTx as text) as xid8), :afterChange)
                          and (tx_id, change_id) <= (cast(cast(:upToTx as text) as xid8), :upToChange)
                        order by tx_id, change_id limit :limit""".formatted(COLUMNS))
                .param("afterTx", after.txId())
                .param("afterChange", after.changeId())
                .param("upToTx", upTo.txId())
                .param("upToChange", upTo.changeId())
                .param("limit", limit)
                .query((rs, row) -> change(rs))
                .list();
    }

    /**
     * The newest settled changes, newest first: what a stream would have sent last. A client that resumes after
     * the first of them with {@code Last-Event-ID} misses nothing in between.
     */
    List<Change> newest(int limit) {
        return jdbc.sql("select %s from projection_change where %s order by tx_id desc, change_id desc limit :limit"
                        .formatted(COLUMNS, SETTLED))
                .param("limit", limit)
                .query((rs, row) -> change(rs))
                .list();
    }

    /** The last settled change and the table it is in: where a feed that starts, or starts over, goes live. */
    End settledEnd() {
        return jdbc.sql("""
                        select (select 'projection_change'::regclass::oid)::bigint as generation,
                               c.tx_id, c.change_id, c.position
                        from (values (1)) as always
                        left join lateral (
                            select tx_id::text::bigint as tx_id, change_id, position from projection_change
                            where %s order by tx_id desc, change_id desc limit 1) as c on true""".formatted(SETTLED))
                .query((rs, row) -> rs.getObject("change_id") == null
                        ? new End(ChangeCursor.START, 0, rs.getLong("generation"))
                        : new End(new ChangeCursor(rs.getLong("tx_id"), rs.getLong("change_id")), rs.getLong("position"),
                                rs.getLong("generation")))
                .single();
    }

    /** Where the event at a position stands in the log, if it is still in the window. */
    Optional<ChangeCursor> cursorAt(long position) {
        return jdbc.sql("""
                        select tx_id::text::bigint as tx_id, change_id from projection_change
                        where position = :position""")
                .param("position", position)
                .query((rs, row) -> new ChangeCursor(rs.getLong("tx_id"), rs.getLong("change_id")))
                .optional();
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

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(new ChangeCursor(rs.getLong("tx_id"), rs.getLong("change_id")), rs.getLong("position"),
                rs.getString("community_id"), rs.getLong("version"), rs.getString("event_name"),
                rs.getString("payload"), rs.getObject("applied_at", java.time.OffsetDateTime.class).toInstant());
    }

    /**
     * @param settled    changes that can be streamed, in commit order
     * @param unsettled  whether committed changes wait behind an older transaction still running
     * @param generation the change log table's identity; it changes when a rebuild replaces the views
     */
    record Batch(List<Change> settled, boolean unsettled, long generation) {
    }

    /** The last settled change ({@link ChangeCursor#START} and position 0 when there is none) and the table's identity. */
    record End(ChangeCursor cursor, long position, long generation) {
    }
}
