package org.communityledger.proofs.tree;

import java.util.Objects;

/**
 * Perfect-subtree hashes over a log's {@link LeafHashes}, with the subtrees of every {@code stride}-th level
 * (levels stride, 2·stride, 3·stride, ...) kept in a {@link SubtreeStore}, so that proofs in a log of
 * millions of leaves read a few dozen hashes instead of rehashing the leaves.
 *
 * <p><b>Reading.</b> A subtree at a kept level is one store read; one at level 0 is one leaf read; one at
 * another level L is hashed from the 2<sup>L - B</sup> kept nodes (or leaves) of the kept level B just below
 * it: at most 2<sup>stride - 1</sup> reads and as many hashes. A proof (see {@link MerkleProofs}) therefore
 * costs O(2<sup>stride - 1</sup> · log n) reads and hashes: with stride 1 about 2 log<sub>2</sub> n store reads,
 * with stride 4 at most 8 times that.
 *
 * <p><b>Space.</b> n/2<sup>stride</sup> + n/2<sup>2·stride</sup> + ... &lt; n / (2<sup>stride</sup> - 1)
 * hashes for n leaves: n - 1 with stride 1, under n/15 with stride 4, under n/255 with stride 8. The leaf
 * hashes themselves stay wherever {@link LeafHashes} reads them from.
 *
 * <p><b>Filling.</b> {@link #extendTo} stores the subtrees that the leaves up to a size complete, level by
 * level, each from the level below it: about one hash per leaf in all, whatever the order of calls. Complete
 * subtrees never change, so the store is insert-only, and a cache extended to N answers for every tree size up
 * to N. {@link #size()} is how far it has been extended; a cache over a persistent store is reopened with the
 * size it had reached.
 *
 * <p>Not thread-safe while extending; reads are as thread-safe as the store and the leaves.
 */
public final class PerfectSubtreeCache implements SubtreeHashes {

    private final LeafHashes leaves;
    private final SubtreeStore store;
    private final int stride;
    private long covered;

    /**
     * A cache over these leaves and store.
     *
     * @param stride  keep every stride-th level, 1 to 16
     * @param covered the size the store was already extended to (0 for an empty store)
     */
    public PerfectSubtreeCache(LeafHashes leaves, SubtreeStore store, int stride, long covered) {
        this.leaves = Objects.requireNonNull(leaves, "leaves");
        this.store = Objects.requireNonNull(store, "store");
        if (stride < 1 || stride > 16) {
            throw new IllegalArgumentException("the stride is 1 to 16 levels, not " + stride);
        }
        if (covered < 0 || covered > leaves.size()) {
            throw new IllegalArgumentException("cannot cover " + covered + " of " + leaves.size() + " leaves");
        }
        this.stride = stride;
        this.covered = covered;
    }

    /** An empty in-memory cache over these leaves, extended to all of them. */
    public static PerfectSubtreeCache inMemory(LeafHashes leaves, int stride) {
        PerfectSubtreeCache cache = new PerfectSubtreeCache(leaves, SubtreeStore.inMemory(), stride, 0);
        cache.extendTo(leaves.size());
        return cache;
    }

    /** The number of leaves whose complete subtrees are stored: proofs can be had for any tree up to it. */
    @Override
    public long size() {
        return covered;
    }

    /** Every stride-th level is kept. */
    public int stride() {
        return stride;
    }

    /** Stores the kept subtrees that the first {@code newSize} leaves complete. No-op below {@link #size()}. */
    public void extendTo(long newSize) {
        if (newSize > leaves.size()) {
            throw new IllegalArgumentException("only " + leaves.size() + " leaves, cannot extend to " + newSize);
        }
        if (newSize <= covered) {
            return;
        }
        for (int level = stride; level <= Subtrees.MAX_LEVEL && (newSize >> level) > 0; level += stride) {
            int below = level - stride;
            for (long index = covered >> level; index < newSize >> level; index++) {
                store.put(level, index, Subtrees.hashFromBelow(below, level, index, this::kept));
            }
        }
        covered = newSize;
    }

    @Override
    public byte[] perfectSubtreeHash(int level, long index) {
        Subtrees.checkComplete(level, index, covered);
        int base = level - level % stride;
        return Subtrees.hashFromBelow(base, level, index, this::kept);
    }

    /** A node at a kept level (0 included). */
    private byte[] kept(int level, long index) {
        if (level == 0) {
            return leaves.leafHash(index);
        }
        byte[] hash = store.get(level, index);
        if (hash == null) {
            throw new IllegalStateException("the store has no subtree at level " + level + ", index " + index
                    + " although it was extended to " + covered + " leaves");
        }
        return hash;
    }
}
