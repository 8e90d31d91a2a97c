package org.communityledger.command.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the event store for auditors. Streams read a page of rows at a time, in one read-only transaction, so a
 * whole log is read in constant memory.
 */
@Component
class StoredEvents {

    /** How far back from the newest position holes are looked for; older holes are long settled. */
    private static final long SETTLE_WINDOW = 10_000;
    private static final String COLUMNS = """
            select global_index, aggregate_identifier, sequence_number, event_identifier, payload_type,
                   payload_revision, time_stamp, meta_data, payload
            from domain_event_entry""";

    /** pgjdbc's prepare threshold that prepares on the server at once and reads results in binary. */
    private static final int FORCE_BINARY = -1;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final int pageSize;
    private final AuditPageWorkers workers;

    StoredEvents(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditProperties properties, AuditPageWorkers workers) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.pageSize = properties.pageSize();
        this.workers = workers;
    }

    List<StoredEvent> ofCommunity(String communityId, long afterVersion, int limit) {
        return jdbc.sql(COLUMNS + " where aggregate_identifier = :id and sequence_number >= :from"
                        + " order by sequence_number limit :limit")
                .param("id", communityId)
                .param("from", afterVersion)
                .param("limit", limit)
                .query(StoredEvents::event)
                .list();
    }

    long countOfCommunity(String communityId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", communityId).query(Long.class).single();
    }

    List<StoredEvent> after(long position, long upToPosition, int limit) {
        return jdbc.sql(COLUMNS + " where global_index > :position and global_index <= :upTo"
                        + " order by global_index limit :limit")
                .param("position", position)
                .param("upTo", upToPosition)
                .param("limit", limit)
                .query(StoredEvents::event)
                .list();
    }

    /** A community's events in version order, up to a global position, one at a time. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void streamCommunity(String communityId, long upToPosition, Consumer<StoredEvent> consumer) {
        inPages(COLUMNS + " where aggregate_identifier = ? and global_index <= ? and sequence_number > ?"
                        + " order by sequence_number limit ?",
                (statement, afterKey) -> {
                    statement.setString(1, communityId);
                    statement.setLong(2, upToPosition);
                    statement.setLong(3, afterKey);
                    statement.setInt(4, pageSize);
                }, -1, event -> event.version() - 1, consumer);
    }

    /** Events in global order within a position range, optionally of one community, one at a time. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void streamAll(String communityId, long afterPosition, long upToPosition, Consumer<StoredEvent> consumer) {
        inPages(COLUMNS + " where global_index > ? and global_index <= ?"
                        + " and (cast(? as text) is null or aggregate_identifier = ?) order by global_index limit ?",
                (statement, afterKey) -> {
                    statement.setLong(1, afterKey);
                    statement.setLong(2, upToPosition);
                    statement.setString(3, communityId);
                    statement.setString(4, communityId);
                    statement.setInt(5, pageSize);
                }, afterPosition, StoredEvent::position, consumer);
    }

    /** Sets a page's parameters, given the key of the last row of the page before. */
    private interface PageParameters {
        void set(PreparedStatement statement, long afterKey) throws SQLException;
    }

    /**
     * Reads rows a page at a time, each page the rows after the previous page's last key (keyset paging), in one
     * repeatable-read transaction, so the pages see one snapshot as a cursor would. Pages rather than a cursor:
     * the driver reads a page as it reads every other query's rows, so the code that decodes them is the code
     * the publisher keeps compiled, where a cursor's suspended portal sends the driver down paths nothing else
     * takes, and the JIT recompiled its largest method for them on an auditor's first call (measured: four
     * compilations, 1.07 s of compiler time, during the first verify of a 100,000-event community).
     *
     * <p>The consumer sees the events in order, one page at a time, on a {@linkplain AuditPageWorkers worker}
     * while the next page is read; what it throws ends the stream here.
     *
     * <p>Each page asks for PostgreSQL's binary format from the first execution: the driver only asks for it
     * once a statement has run five times, and in text a {@code bytea} column travels as hex (twice its size)
     * that both ends must encode and decode.
     */
    private void inPages(String sql, PageParameters parameters, long firstKey, ToLongFunction<StoredEvent> key,
                         Consumer<StoredEvent> consumer) {
        // A plan for the values at hand, every page: after five runs of a prepared statement PostgreSQL may settle
        // on a generic plan, made for a community of average length. Measured on a 100,000-event community: its
        // verify took 5 s of PostgreSQL's CPU with the choice left to PostgreSQL, 0.3 s with a plan per page.
        jdbcTemplate.execute("set local plan_cache_mode = force_custom_plan");
        // While a worker consumes one page, this thread reads the next: at most two pages are held at a time.
        CompletableFuture<Void> consuming = CompletableFuture.completedFuture(null);
        long afterKey = firstKey;
        try {
            while (true) {
                long pageAfter = afterKey;
                PreparedStatementCreator page = connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    statement.unwrap(PGStatement.class).setPrepareThreshold(FORCE_BINARY);
                    parameters.set(statement, pageAfter);
                    return statement;
                };
                List<StoredEvent> events = jdbcTemplate.query(page, StoredEvents::event);
                AuditPageWorkers.finish(consuming);
                consuming = workers.start(events, consumer);
                if (events.size() < pageSize) {
                    break;
                }
                afterKey = key.applyAsLong(events.get(events.size() - 1));
            }
        } catch (RuntimeException | Error e) {
            // The stream ends here: the worker is let finish its page first, so nothing outlives the call.
            consuming.exceptionally(failure -> null).join();
            throw e;
        }
        AuditPageWorkers.finish(consuming);
    }

    long latestPosition() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /**
     * The highest position below which nothing can still appear. Positions are taken when an event is
     * inserted, not when it commits, so a command still committing can fill a hole below newer events. A
     * hole is trusted to be final (a rolled-back command) once the event after it is older than
     * {@code settle}; a younger hole ends the safe range just below it.
     */
    long safePosition(java.time.Duration settle) {
        // One row back, not the window: the first hole whose next event is younger than the settle time.
        return jdbc.sql("""
                        with recent as (
                            select global_index,
                                   lead(global_index) over (order by global_index) as next_index,
                                   lead(time_stamp) over (order by global_index) as next_time
                            from domain_event_entry
                            where global_index > (select coalesce(max(global_index), 0) - :window from domain_event_entry))
                        select coalesce(
                            (select min(global_index) from recent
                             where next_index <> global_index + 1 and cast(next_time as timestamptz) > :settledBefore),
                            (select coalesce(max(global_index), 0) from domain_event_entry))""")
                .param("window", SETTLE_WINDOW)
                .param("settledBefore", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(settle))
                .query(Long.class)
                .single();
    }

    /**
     * Each community's last event at or before a position: the heads a digest is made of, sorted by community
     * id in plain character order (ids are ASCII), never by the database's collation.
     */
    List<Head> headsAt(long position) {
        List<Head> heads = new java.util.ArrayList<>(jdbc.sql("""
                        select distinct on (aggregate_identifier) aggregate_identifier, sequence_number,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' as hash
                        from domain_event_entry where global_index <= :position
                        order by aggregate_identifier, sequence_number desc""")
                .param("position", position)
                .query((rs, row) -> new Head(rs.getString("aggregate_identifier"), rs.getLong("sequence_number") + 1,
                        rs.getString("hash")))
                .list());
        heads.sort(java.util.Comparator.comparing(Head::communityId));
        return heads;
    }

    long countUpTo(long position) {
        return jdbc.sql("select count(*) from domain_event_entry where global_index <= :position")
                .param("position", position).query(Long.class).single();
    }

    /** How far the transparency log reaches. */
    SealedLog sealedLog() {
        return jdbc.sql("select tree_size from transparency_state")
                .query((rs, row) -> new SealedLog(rs.getLong("tree_size")))
                .single();
    }

    /** The transparency log's reach: the number of leaves. */
    record SealedLog(long treeSize) {
    }

    /** A community's last event: its id, version and hash. */
    record Head(String communityId, long version, String hash) {
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                // By index, in the order of COLUMNS: a long log is read a row at a time, every column per row.
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3) + 1,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBytes(8),
                rs.getBytes(9));
    }
}
