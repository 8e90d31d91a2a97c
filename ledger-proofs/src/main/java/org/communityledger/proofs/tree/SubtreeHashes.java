package org.communityledger.proofs.tree;

/**
 * The hashes of a log's perfect subtrees: {@code perfectSubtreeHash(level, index)} is the tree hash of the
 * 2<sup>level</sup> leaves {@code [index · 2^level, (index + 1) · 2^level)}. Level 0 is the leaves
 * themselves. Only subtrees that are complete within {@link #size()} leaves exist, and a complete subtree's
 * hash never changes as the log grows, which is what lets a store keep them for good.
 *
 * <p>This is all {@link MerkleProofs} needs: every node of an RFC 9162 proof is a perfect subtree or the
 * right edge of the tree, and the right edge of n leaves is at most log<sub>2</sub> n perfect subtrees, so
 * one proof costs O(log n) calls here.
 */
public interface SubtreeHashes {

    /** The number of leaves these hashes cover. */
    long size();

    /**
     * The hash of the perfect subtree of 2<sup>level</sup> leaves starting at leaf {@code index · 2^level}.
     *
     * @throws IllegalArgumentException when that subtree is not complete within {@link #size()} leaves
     */
    byte[] perfectSubtreeHash(int level, long index);

    /**
     * Perfect subtrees hashed from the leaves each time they are asked for: 2<sup>level</sup> leaf reads and
     * as many hashes per call, so a proof in a tree of n leaves costs O(n). Right for small trees and as a
     * reference; use {@link PerfectSubtreeCache} or {@link InMemoryMerkleTree} for large ones.
     */
    static SubtreeHashes rehashing(LeafHashes leaves) {
        return new SubtreeHashes() {
            @Override
            public long size() {
                return leaves.size();
            }

            @Override
            public byte[] perfectSubtreeHash(int level, long index) {
                Subtrees.checkComplete(level, index, leaves.size());
                return Subtrees.hashFromBelow(0, level, index, (l, i) -> leaves.leafHash(i));
            }
        };
    }
}
