package org.communityledger.proofs.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree that keeps every perfect subtree in memory: about 2n hashes of 32 bytes for n
 * leaves, appends in amortised O(1) hashes, and every {@link #perfectSubtreeHash} in O(1), so proofs cost
 * O(log n). Up to 2<sup>31</sup> - 1 leaves. For tests, small logs and a verifier that rebuilds a tree from an
 * export; a large log wants {@link PerfectSubtreeCache} over a store.
 *
 * <p>Not thread-safe.
 */
public final class InMemoryMerkleTree implements LeafHashes, SubtreeHashes {

    /** levels.get(l).get(i) = perfect subtree (l, i); level 0 holds the leaf hashes. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    public InMemoryMerkleTree() {
        levels.add(new ArrayList<>());
    }

    /** A tree of these leaf inputs. */
    public static InMemoryMerkleTree ofLeafInputs(List<byte[]> leafInputs) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        leafInputs.forEach(tree::append);
        return tree;
    }

    /** Appends a leaf by its input; returns its index. */
    public long append(byte[] leafInput) {
        return appendLeafHash(MerkleHashes.leafHash(leafInput));
    }

    /** Appends a leaf by its hash; returns its index. */
    public long appendLeafHash(byte[] leafHash) {
        List<byte[]> leaves = levels.get(0);
        if (leaves.size() == Integer.MAX_VALUE) {
            throw new IllegalStateException("an in-memory tree holds at most " + Integer.MAX_VALUE + " leaves");
        }
        byte[] hash = MerkleHashes.checkedHash(leafHash, "a leaf hash").clone();
        long index = leaves.size();
        leaves.add(hash);
        // Complete every subtree this leaf closes: one per trailing one bit of its index.
        long i = index;
        for (int level = 0; (i & 1) == 1; level++, i >>>= 1) {
            List<byte[]> current = levels.get(level);
            hash = MerkleHashes.nodeHash(current.get((int) (i - 1)), hash);
            if (levels.size() == level + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(level + 1).add(hash);
        }
        return index;
    }

    @Override
    public long size() {
        return levels.get(0).size();
    }

    @Override
    public byte[] leafHash(long index) {
        return perfectSubtreeHash(0, index);
    }

    @Override
    public byte[] perfectSubtreeHash(int level, long index) {
        Subtrees.checkComplete(level, index, size());
        return levels.get(level).get((int) index).clone();
    }

    /** The root hash of the whole tree. */
    public byte[] root() {
        return MerkleProofs.rootHash(this, size());
    }

    /** The root hash of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        return MerkleProofs.rootHash(this, treeSize);
    }

    /** See {@link MerkleProofs#inclusionProof}. */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        return MerkleProofs.inclusionProof(this, leafIndex, treeSize);
    }

    /** See {@link MerkleProofs#consistencyProof}. */
    public List<byte[]> consistencyProof(long first, long second) {
        return MerkleProofs.consistencyProof(this, first, second);
    }
}
