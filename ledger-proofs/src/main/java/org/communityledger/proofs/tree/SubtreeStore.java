package org.communityledger.proofs.tree;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a {@link PerfectSubtreeCache} keeps the hashes of perfect subtrees, by (level, index). Written once
 * per key and never changed, in increasing index order within a level: a table
 * {@code (level smallint, index bigint, hash bytea, primary key (level, index))} with plain inserts can back
 * it, and so can files of fixed-size records per level.
 */
public interface SubtreeStore {

    /** The stored hash, or null when none is stored under this key. */
    byte[] get(int level, long index);

    /** Stores a hash; a key is never written twice with different hashes. */
    void put(int level, long index, byte[] hash);

    /** A store in a hash map. Not thread-safe. */
    static SubtreeStore inMemory() {
        return new SubtreeStore() {
            private final Map<Key, byte[]> hashes = new HashMap<>();

            @Override
            public byte[] get(int level, long index) {
                byte[] hash = hashes.get(new Key(level, index));
                return hash == null ? null : hash.clone();
            }

            @Override
            public void put(int level, long index, byte[] hash) {
                hashes.put(new Key(level, index), hash.clone());
            }

            @Override
            public String toString() {
                return "in-memory subtree store of " + hashes.size() + " hashes";
            }
        };
    }

    /** The key of a stored subtree. */
    record Key(int level, long index) {
    }
}
