package org.communityledger.proofs.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The root hash of a stream of leaves, kept in O(log n) memory: the hashes of the perfect subtrees that make
 * up the tree so far, one per set bit of its size, largest first (a "compact range" from leaf 0). Appending
 * costs one leaf hash plus amortised one node hash; {@link #root()} costs at most log<sub>2</sub> n hashes.
 *
 * <p>For a verifier that reads an export once and compares the root with a checkpoint. Not thread-safe.
 */
public final class RootAccumulator {

    private final List<byte[]> peaks = new ArrayList<>();
    private long size;

    /** Appends a leaf by its input (hashed with {@link MerkleHashes#leafHash}). */
    public void appendLeaf(byte[] leafInput) {
        appendLeafHash(MerkleHashes.leafHash(leafInput));
    }

    /** Appends a leaf by its hash. */
    public void appendLeafHash(byte[] leafHash) {
        byte[] hash = MerkleHashes.checkedHash(leafHash, "a leaf hash");
        if (size == (1L << Subtrees.MAX_LEVEL)) {
            throw new IllegalStateException("a tree holds at most 2^" + Subtrees.MAX_LEVEL + " leaves");
        }
        // Each trailing one bit of the size is a perfect subtree of the same height as the one being carried.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hash = MerkleHashes.nodeHash(peaks.remove(peaks.size() - 1), hash);
        }
        peaks.add(hash);
        size++;
    }

    /** Leaves appended so far. */
    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far (the empty tree's hash before any). */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(peaks.get(i), root);
        }
        return root;
    }

    /**
     * The perfect subtrees the tree is made of, largest (leftmost) first, as copies: with {@link #size()}
     * they are enough to go on appending later (see {@link #resume}).
     */
    public List<byte[]> peaks() {
        return peaks.stream().map(byte[]::clone).toList();
    }

    /** An accumulator that goes on from a saved {@link #size()} and {@link #peaks()}. */
    public static RootAccumulator resume(long size, List<byte[]> peaks) {
        if (size < 0 || Long.bitCount(size) != peaks.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " peaks, not " + peaks.size());
        }
        RootAccumulator accumulator = new RootAccumulator();
        peaks.forEach(peak -> accumulator.peaks.add(MerkleHashes.checkedHash(peak, "a peak").clone()));
        accumulator.size = size;
        return accumulator;
    }
}
