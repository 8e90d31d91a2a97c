package org.communityledger.proofs.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Tree hashes, inclusion proofs and consistency proofs of RFC 9162 §2.1, generated from perfect-subtree
 * hashes and verified from nothing but the proof.
 *
 * <p><b>Cost of generation.</b> Every range that RFC 9162's recursions (MTH, PATH, SUBPROOF) hash is either a
 * perfect subtree (one {@link SubtreeHashes#perfectSubtreeHash} call) or the right edge {@code [a, n)} of the
 * tree, which splits into at most log<sub>2</sub> n perfect subtrees. A path visits the right edge at most
 * once, so {@link #rootHash}, {@link #inclusionProof} and {@link #consistencyProof} each make O(log n) calls
 * to the source and O(log n) hashes, whatever the size of the log. With {@link SubtreeHashes#rehashing} as
 * the source each call costs up to 2<sup>level</sup> leaf reads instead, O(n) in all.
 *
 * <p><b>Verification</b> follows RFC 9162 §2.1.3.2 and §2.1.4.2 step by step, in O(log n) hashes. Every hash
 * must be {@value MerkleHashes#HASH_SIZE} bytes; anything else, a negative size or an index out of range
 * makes the proof invalid rather than throwing.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH(D[0:treeSize]): the root hash of the first {@code treeSize} leaves. O(log n) reads. */
    public static byte[] rootHash(SubtreeHashes tree, long treeSize) {
        checkSize(tree, treeSize);
        return treeSize == 0 ? MerkleHashes.emptyRoot() : rangeHash(tree, 0, treeSize);
    }

    /**
     * MTH(D[start:end]) exactly as RFC 9162 defines it for that list of leaves. O(log n) reads when the range
     * is a perfect subtree or ends a tree whose start is aligned (every range the proofs use); any other range
     * is still hashed correctly, from smaller perfect subtrees.
     */
    public static byte[] rangeHash(SubtreeHashes tree, long start, long end) {
        if (start < 0 || end <= start || end > tree.size()) {
            throw new IllegalArgumentException("no range [" + start + ", " + end + ") of " + tree.size() + " leaves");
        }
        long length = end - start;
        if (MerkleHashes.isPowerOfTwo(length) && start % length == 0) {
            int level = Long.numberOfTrailingZeros(length);
            return MerkleHashes.checkedHash(tree.perfectSubtreeHash(level, start >>> level), "a subtree hash");
        }
        long k = MerkleHashes.splitPoint(length);
        return MerkleHashes.nodeHash(rangeHash(tree, start, start + k), rangeHash(tree, start + k, end));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Inclusion

    /**
     * PATH(leafIndex, D[treeSize]) of RFC 9162 §2.1.3.1: the audit path of one leaf, the sibling hashes from
     * the leaf up to the root, at most ⌈log<sub>2</sub> treeSize⌉ of them.
     */
    public static List<byte[]> inclusionProof(SubtreeHashes tree, long leafIndex, long treeSize) {
        checkSize(tree, treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, leafIndex, 0, treeSize, path);
        return Collections.unmodifiableList(path);
    }

    private static void path(SubtreeHashes tree, long m, long start, long end, List<byte[]> out) {
        if (end - start == 1) {
            return;
        }
        long k = MerkleHashes.splitPoint(end - start);
        if (m < start + k) {
            path(tree, m, start, start + k, out);
            out.add(rangeHash(tree, start + k, end));
        } else {
            path(tree, m, start + k, end, out);
            out.add(rangeHash(tree, start, start + k));
        }
    }

    /**
     * The root hash that an inclusion proof leads to from this leaf hash (RFC 9162 §2.1.3.2, steps 1-5 without
     * the final comparison), or empty when the proof cannot belong to a tree of {@code treeSize}: an index out
     * of range, a hash of the wrong length, or a path too long or too short.
     */
    public static Optional<byte[]> rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash,
                                                          List<byte[]> proof) {
        if (leafIndex < 0 || leafIndex >= treeSize || !MerkleHashes.isHash(leafHash) || !allHashes(proof)) {
            return Optional.empty();
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return Optional.empty();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }

    /** Whether {@code proof} shows the leaf with this hash at {@code leafIndex} in the tree with this root. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
                                          byte[] rootHash) {
        return MerkleHashes.isHash(rootHash)
                && rootFromInclusionProof(leafIndex, treeSize, leafHash, proof)
                .map(root -> MerkleHashes.same(root, rootHash))
                .orElse(false);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Consistency

    /**
     * PROOF(first, D[second]) of RFC 9162 §2.1.4.1: the hashes that show the tree of {@code first} leaves to
     * be a prefix of the tree of {@code second}, at most ⌈log<sub>2</sub> second⌉ + 1 of them. Empty when
     * {@code first} is 0 or equals {@code second} (nothing to prove).
     */
    public static List<byte[]> consistencyProof(SubtreeHashes tree, long first, long second) {
        checkSize(tree, second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves");
        }
        if (first == 0 || first == second) {
            return List.of();
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(tree, first, 0, second, true, proof);
        return Collections.unmodifiableList(proof);
    }

    /** SUBPROOF(m, D[start:end], complete), m counted from start. */
    private static void subproof(SubtreeHashes tree, long m, long start, long end, boolean complete,
                                 List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(rangeHash(tree, start, end));
            }
            return;
        }
        long k = MerkleHashes.splitPoint(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, complete, out);
            out.add(rangeHash(tree, start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, out);
            out.add(rangeHash(tree, start, start + k));
        }
    }

    /**
     * Whether {@code proof} shows that the tree of {@code first} leaves with root {@code firstRoot} is a prefix
     * of the tree of {@code second} leaves with root {@code secondRoot} (RFC 9162 §2.1.4.2).
     *
     * <p>Equal sizes need an empty proof and equal roots. A {@code first} of 0 is refused, as RFC 9162 only
     * defines proofs for {@code 0 < first}: the empty tree is a prefix of every tree, so there is nothing to
     * verify, and a caller asking has most likely lost its earlier checkpoint.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || second < first || !MerkleHashes.isHash(firstRoot) || !MerkleHashes.isHash(secondRoot)
                || !allHashes(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MerkleHashes.same(firstRoot, secondRoot)
                    && (first != 0 || MerkleHashes.same(firstRoot, MerkleHashes.emptyRoot()));
        }
        if (first == 0 || proof.isEmpty()) {
            return false;
        }
        // 2. If first is an exact power of 2, prepend first_hash to the path.
        List<byte[]> path = proof;
        if (MerkleHashes.isPowerOfTwo(first)) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        // 3.-4.
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // 7.
        return MerkleHashes.same(fr, firstRoot) && MerkleHashes.same(sr, secondRoot) && sn == 0;
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] hash : proof) {
            if (!MerkleHashes.isHash(hash)) {
                return false;
            }
        }
        return true;
    }

    private static void checkSize(SubtreeHashes tree, long treeSize) {
        if (treeSize < 0 || treeSize > tree.size()) {
            throw new IllegalArgumentException("no tree of " + treeSize + " leaves among " + tree.size());
        }
    }
}
