package org.communityledger.command.transparency;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.communityledger.command.ledger.TransparencyFence;
import org.communityledger.proofs.tree.SubtreeStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The transparency log's tables: its state, its leaves and the kept perfect subtrees. */
@Component
class TreeStore {

    private final JdbcClient jdbc;

    TreeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The state and the positions stored after the settled one (at most {@code scan} of them), in one
     * statement: what the sealer needs to see whether anything is new.
     */
    Progress progress(int scan) {
        return jdbc.sql("""
                        select s.settled_position, s.tree_size,
                               array(select e.global_index from domain_event_entry e
                                     where e.global_index > s.settled_position
                                     order by e.global_index limit :scan) as after_settled
                        from transparency_state s""")
                .param("scan", scan)
                .query((rs, row) -> new Progress(rs.getLong("settled_position"), rs.getLong("tree_size"),
                        longs(rs.getArray("after_settled"))))
                .single();
    }

    /** The settled position and tree size, the row locked until the transaction ends (one sealer at a time). */
    State lockState() {
        return jdbc.sql("select settled_position, tree_size from transparency_state for update")
                .query((rs, row) -> new State(rs.getLong("settled_position"), rs.getLong("tree_size")))
                .single();
    }

    State state() {
        return jdbc.sql("select settled_position, tree_size from transparency_state")
                .query((rs, row) -> new State(rs.getLong("settled_position"), rs.getLong("tree_size")))
                .single();
    }

    /**
     * Takes the settling fence exclusively (waiting for every append that holds positions to end) and answers
     * the last position handed out: from here on every position up to it is stored or never will be. The fence
     * is held until the transaction ends, so call this in a short one. Appends queue behind the request, so it
     * waits at most {@code patience}: a stuck append then costs one sealing run, not every command's time.
     *
     * @throws org.springframework.dao.DataAccessException (lock not available) when the wait is over
     */
    long lastPositionUnderFence(java.time.Duration patience) {
        jdbc.sql("select set_config('lock_timeout', :timeout, true)")
                .param("timeout", patience.toMillis() + "ms")
                .query().singleRow();
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", TransparencyFence.LOCK_KEY).query().singleRow();
        return jdbc.sql("""
                        select coalesce(pg_sequence_last_value(cast(
                            pg_get_serial_sequence('domain_event_entry', 'global_index') as regclass)), 0)""")
                .query(Long.class)
                .single();
    }

    void advanceSettled(long position) {
        jdbc.sql("update transparency_state set settled_position = greatest(settled_position, :position)")
                .param("position", position)
                .update();
    }

    /** The events after a leaf's position up to the settled one, in position order: the next leaves. */
    List<SettledEvent> eventsToSeal(long afterPosition, long upToPosition, int limit) {
        return jdbc.sql("""
                        select global_index, aggregate_identifier, sequence_number,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' as hash
                        from domain_event_entry where global_index > :after and global_index <= :upTo
                        order by global_index limit :limit""")
                .param("after", afterPosition)
                .param("upTo", upToPosition)
                .param("limit", limit)
                .query((rs, row) -> new SettledEvent(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number") + 1, rs.getString("hash")))
                .list();
    }

    /** The position of the last leaf, 0 when there is none. */
    long lastLeafPosition(long treeSize) {
        if (treeSize == 0) {
            return 0;
        }
        return jdbc.sql("select position from transparency_leaf where leaf_index = :index")
                .param("index", treeSize - 1)
                .query(Long.class)
                .single();
    }

    void appendLeaves(long firstIndex, List<SettledEvent> events, List<byte[]> leafHashes) {
        jdbc.sql("""
                        insert into transparency_leaf (leaf_index, position, leaf_hash)
                        select first_index + ordinality - 1, position, leaf_hash
                        from unnest(cast(:positions as bigint[]), cast(:hashes as bytea[])) with ordinality
                             as leaf(position, leaf_hash, ordinality),
                             (select cast(:first as bigint) as first_index) as f""")
                .param("positions", events.stream().map(SettledEvent::position).toArray(Long[]::new))
                .param("hashes", leafHashes.toArray(byte[][]::new))
                .param("first", firstIndex)
                .update();
    }

    void recordTreeSize(long size) {
        jdbc.sql("update transparency_state set tree_size = :size").param("size", size).update();
    }

    Optional<Long> leafIndexOf(long position) {
        return jdbc.sql("select leaf_index from transparency_leaf where position = :position")
                .param("position", position)
                .query(Long.class)
                .optional();
    }

    /** The chain hash that the event at a position has now, as its leaf input (hex), if the event exists. */
    Optional<String> chainHashAt(long position) {
        return jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from domain_event_entry
                        where global_index = :position""")
                .param("position", position)
                .query(String.class)
                .optional();
    }

    /** Leaf hashes by index, in one statement. */
    Map<Long, byte[]> leafHashes(Collection<Long> indexes) {
        Map<Long, byte[]> hashes = new HashMap<>();
        if (indexes.isEmpty()) {
            return hashes;
        }
        jdbc.sql("select leaf_index, leaf_hash from transparency_leaf where leaf_index = any(cast(:indexes as bigint[]))")
                .param("indexes", indexes.toArray(Long[]::new))
                .query(rs -> {
                    hashes.put(rs.getLong("leaf_index"), rs.getBytes("leaf_hash"));
                });
        return hashes;
    }

    /** Kept subtree hashes by key, in one statement. */
    Map<SubtreeStore.Key, byte[]> subtreeHashes(Collection<SubtreeStore.Key> keys) {
        Map<SubtreeStore.Key, byte[]> hashes = new HashMap<>();
        if (keys.isEmpty()) {
            return hashes;
        }
        jdbc.sql("""
                        select s.level, s.node_index, s.hash from transparency_subtree s
                        join unnest(cast(:levels as int[]), cast(:indexes as bigint[])) as k(level, node_index)
                          on s.level = k.level and s.node_index = k.node_index""")
                .param("levels", keys.stream().map(SubtreeStore.Key::level).toArray(Integer[]::new))
                .param("indexes", keys.stream().map(SubtreeStore.Key::index).toArray(Long[]::new))
                .query(rs -> {
                    hashes.put(new SubtreeStore.Key(rs.getInt("level"), rs.getLong("node_index")), rs.getBytes("hash"));
                });
        return hashes;
    }

    void putSubtrees(Map<SubtreeStore.Key, byte[]> subtrees) {
        if (subtrees.isEmpty()) {
            return;
        }
        List<SubtreeStore.Key> keys = new ArrayList<>(subtrees.keySet());
        jdbc.sql("""
                        insert into transparency_subtree (level, node_index, hash)
                        select * from unnest(cast(:levels as int[]), cast(:indexes as bigint[]), cast(:hashes as bytea[]))""")
                .param("levels", keys.stream().map(SubtreeStore.Key::level).toArray(Integer[]::new))
                .param("indexes", keys.stream().map(SubtreeStore.Key::index).toArray(Long[]::new))
                .param("hashes", keys.stream().map(subtrees::get).toArray(byte[][]::new))
                .update();
    }

    /** The first {@code count} events in position order, one at a time from a cursor (constant memory). */
    @Transactional(readOnly = true)
    public void streamFirstEvents(long count, Consumer<Event> consumer) {
        try (Stream<Event> events = jdbc.sql("""
                        select global_index, aggregate_identifier, sequence_number, event_identifier, payload_type,
                               payload_revision, time_stamp, meta_data, payload
                        from domain_event_entry order by global_index limit :count""")
                .withFetchSize(2000)
                .param("count", count)
                .query((rs, row) -> new Event(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number") + 1, rs.getString("event_identifier"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                        rs.getBytes("meta_data"), rs.getBytes("payload")))
                .stream()) {
            events.forEach(consumer);
        }
    }

    private static List<Long> longs(Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }

    /** The transparency log's state. */
    record State(long settledPosition, long treeSize) {
    }

    /** The state and what is stored beyond the settled position, ascending. */
    record Progress(long settledPosition, long treeSize, List<Long> positionsAfterSettled) {
    }

    /** A stored event with everything its chain hash covers. */
    record Event(long position, String communityId, long version, String eventId, String name, String revision,
                 String timestamp, byte[] metaData, byte[] payload) {
    }

    /** An event about to become a leaf: its position, community, version and chain hash as stored (hex). */
    record SettledEvent(long position, String communityId, long version, String hash) {
    }
}
