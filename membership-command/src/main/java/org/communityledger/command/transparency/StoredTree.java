package org.communityledger.command.transparency;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.communityledger.proofs.tree.LeafHashes;
import org.communityledger.proofs.tree.MerkleHashes;
import org.communityledger.proofs.tree.PerfectSubtreeCache;
import org.communityledger.proofs.tree.SubtreeHashes;
import org.communityledger.proofs.tree.SubtreeStore;
import org.springframework.stereotype.Component;

/**
 * The stored tree, read for one answer (a root, a proof) in two statements, however large the log.
 *
 * <p>Which hashes an answer needs depends only on the sizes and indexes asked for, never on the hashes'
 * values. So the answer is worked out twice: first over placeholder hashes, noting every leaf and kept subtree
 * it reads; then those are fetched at once and the answer is worked out for real. At 1M leaves a proof needs
 * about a hundred hashes, which would otherwise be a hundred round trips.
 */
@Component
class StoredTree {

    /** Every 4th level is kept: under n/15 stored hashes for n leaves, at most 8 reads per level of a proof. */
    static final int STRIDE = 4;
    private static final byte[] PLACEHOLDER = new byte[MerkleHashes.HASH_SIZE];

    private final TreeStore store;

    StoredTree(TreeStore store) {
        this.store = store;
    }

    /** The answer computed over the first {@code size} leaves (the tree's subtrees are stored up to it). */
    <T> T read(long size, Function<SubtreeHashes, T> answer) {
        Set<Long> leafIndexes = new HashSet<>();
        Set<SubtreeStore.Key> subtreeKeys = new HashSet<>();
        answer.apply(new PerfectSubtreeCache(leaves(size, index -> {
            leafIndexes.add(index);
            return PLACEHOLDER;
        }), subtrees(key -> {
            subtreeKeys.add(key);
            return PLACEHOLDER;
        }), STRIDE, size));
        Map<Long, byte[]> leafHashes = store.leafHashes(leafIndexes);
        Map<SubtreeStore.Key, byte[]> subtreeHashes = store.subtreeHashes(subtreeKeys);
        return answer.apply(new PerfectSubtreeCache(leaves(size, leafHashes::get), subtrees(subtreeHashes::get),
                STRIDE, size));
    }

    /**
     * Stores the kept subtrees that leaves {@code [from, to)} complete. The new leaves are given; older ones
     * and older subtrees that the new ones complete are read as needed (at most 15 per kept level).
     */
    void extend(long from, long to, Map<Long, byte[]> newLeaves) {
        Map<SubtreeStore.Key, byte[]> written = new HashMap<>();
        LeafHashes leaves = leaves(to, index -> newLeaves.computeIfAbsent(index,
                missing -> store.leafHashes(Set.of(missing)).get(missing)));
        SubtreeStore subtrees = new SubtreeStore() {
            @Override
            public byte[] get(int level, long index) {
                SubtreeStore.Key key = new SubtreeStore.Key(level, index);
                byte[] hash = written.get(key);
                return hash != null ? hash : store.subtreeHashes(Set.of(key)).get(key);
            }

            @Override
            public void put(int level, long index, byte[] hash) {
                written.put(new SubtreeStore.Key(level, index), hash);
            }
        };
        new PerfectSubtreeCache(leaves, subtrees, STRIDE, from).extendTo(to);
        store.putSubtrees(written);
    }

    private static LeafHashes leaves(long size, Function<Long, byte[]> read) {
        return new LeafHashes() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] leafHash(long index) {
                return present(read.apply(index), "leaf " + index);
            }
        };
    }

    private static SubtreeStore subtrees(Function<SubtreeStore.Key, byte[]> read) {
        return new SubtreeStore() {
            @Override
            public byte[] get(int level, long index) {
                return read.apply(new SubtreeStore.Key(level, index));
            }

            @Override
            public void put(int level, long index, byte[] hash) {
                throw new UnsupportedOperationException("reading a stored tree never extends it");
            }
        };
    }

    private static byte[] present(byte[] hash, String what) {
        if (hash == null) {
            throw new IllegalStateException("the transparency log has no hash for " + what);
        }
        return hash;
    }
}
