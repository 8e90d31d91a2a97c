package org.communityledger.proofs.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second implementation written straight from the text of RFC 9162 §2.1 (MTH, PATH, PROOF and SUBPROOF as
 * recursive functions on lists, with its own SHA-256 calls and a recursive verifier of its own), compared with
 * the production classes for every tree of 1 to 70 leaves, every leaf and every pair of sizes.
 */
class NaiveReferenceTest {

    private static final int MAX = 70;

    // ---- the reference, from the RFC text ----------------------------------------------------------------------

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The largest power of two smaller than n, by counting up. */
    static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return sha256(new byte[] {0}, d.get(0));
        }
        int k = k(n);
        return sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        if (n == 1) {
            return new ArrayList<>();
        }
        int k = k(n);
        List<byte[]> result;
        if (m < k) {
            result = path(m, d.subList(0, k));
            result.add(mth(d.subList(k, n)));
        } else {
            result = path(m - k, d.subList(k, n));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        if (m == n) {
            List<byte[]> result = new ArrayList<>();
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(n);
        List<byte[]> result;
        if (m <= k) {
            result = subproof(m, d.subList(0, k), b);
            result.add(mth(d.subList(k, n)));
        } else {
            result = subproof(m - k, d.subList(k, n), false);
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** Walks the tree shape top-down and rebuilds the root from a bottom-up path; null when it does not fit. */
    static byte[] naiveRootFromPath(int m, int n, byte[] leafHash, List<byte[]> path, int end) {
        if (n == 1) {
            return end == 0 ? leafHash : null;
        }
        if (end == 0) {
            return null;
        }
        int k = k(n);
        byte[] sibling = path.get(end - 1);
        if (m < k) {
            byte[] left = naiveRootFromPath(m, k, leafHash, path, end - 1);
            return left == null ? null : sha256(new byte[] {1}, left, sibling);
        }
        byte[] right = naiveRootFromPath(m - k, n - k, leafHash, path, end - 1);
        return right == null ? null : sha256(new byte[] {1}, sibling, right);
    }

    static boolean naiveVerifyInclusion(int m, int n, byte[] leafHash, List<byte[]> path, byte[] root) {
        byte[] computed = naiveRootFromPath(m, n, leafHash, path, path.size());
        return computed != null && Arrays.equals(computed, root);
    }

    // ---- the comparison ------------------------------------------------------------------------------------

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // inputs of varying lengths, the empty one included
            leaves.add(Arrays.copyOf(ByteBuffer.allocate(8).putLong(i * 0x9E3779B97F4A7C15L).array(), i % 9));
        }
        return leaves;
    }

    @Test
    void rootsAgreeForEverySize() {
        List<byte[]> inputs = leaves(MAX);
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(inputs);
        RootAccumulator accumulator = new RootAccumulator();
        assertThat(accumulator.root()).isEqualTo(mth(List.of()));
        for (int n = 1; n <= MAX; n++) {
            accumulator.appendLeaf(inputs.get(n - 1));
            byte[] expected = mth(inputs.subList(0, n));
            assertThat(MerkleHashes.root(inputs.subList(0, n))).as("n=%d", n).isEqualTo(expected);
            assertThat(tree.root(n)).as("n=%d", n).isEqualTo(expected);
            assertThat(accumulator.root()).as("n=%d", n).isEqualTo(expected);
            assertThat(MerkleProofs.rootHash(SubtreeHashes.rehashing(tree), n)).as("n=%d", n).isEqualTo(expected);
        }
    }

    @Test
    void inclusionProofsAgreeAndEveryAlterationFails() {
        List<byte[]> inputs = leaves(MAX);
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(inputs);
        List<SubtreeHashes> sources = List.of(tree, SubtreeHashes.rehashing(tree),
                PerfectSubtreeCache.inMemory(tree, 1), PerfectSubtreeCache.inMemory(tree, 3));
        for (int n = 1; n <= MAX; n++) {
            List<byte[]> d = inputs.subList(0, n);
            byte[] root = mth(d);
            for (int m = 0; m < n; m++) {
                List<byte[]> expected = path(m, d);
                for (SubtreeHashes source : sources) {
                    assertThat(MerkleProofs.inclusionProof(source, m, n)).as("PATH(%d, D[%d])", m, n)
                            .usingElementComparator(Arrays::compare).containsExactlyElementsOf(expected);
                }
                byte[] leaf = sha256(new byte[] {0}, d.get(m));
                assertThat(MerkleProofs.verifyInclusion(m, n, leaf, expected, root)).isTrue();
                assertThat(naiveVerifyInclusion(m, n, leaf, expected, root)).isTrue();

                for (int i = 0; i < expected.size(); i++) {
                    for (int bit : new int[] {0, 133, 255}) {
                        List<byte[]> altered = flip(expected, i, bit);
                        assertThat(MerkleProofs.verifyInclusion(m, n, leaf, altered, root))
                                .as("PATH(%d, D[%d]) with element %d altered", m, n, i).isFalse();
                    }
                }
                assertThat(MerkleProofs.verifyInclusion(m, n, flipBit(leaf, 7), expected, root)).isFalse();
                assertThat(MerkleProofs.verifyInclusion(m, n, leaf, expected, flipBit(root, 200))).isFalse();
                if (!expected.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(m, n, leaf, expected.subList(0, expected.size() - 1), root))
                            .as("truncated").isFalse();
                }
                List<byte[]> longer = new ArrayList<>(expected);
                longer.add(root);
                assertThat(MerkleProofs.verifyInclusion(m, n, leaf, longer, root)).as("extended").isFalse();
                // the same proof for another leaf or another size: both verifiers agree, and only the truth passes
                for (int otherM : new int[] {m - 1, m + 1}) {
                    if (otherM >= 0 && otherM < n) {
                        assertThat(MerkleProofs.verifyInclusion(otherM, n, leaf, expected, root))
                                .isEqualTo(naiveVerifyInclusion(otherM, n, leaf, expected, root))
                                .isFalse();
                    }
                }
                // Claimed for a size one larger, the proof passes exactly when the path has the same shape there
                // (the size and root a verifier trusts come together from a checkpoint): both verifiers agree.
                assertThat(MerkleProofs.verifyInclusion(m, n + 1, leaf, expected, root))
                        .isEqualTo(naiveVerifyInclusion(m, n + 1, leaf, expected, root));
                if (n < MAX) {
                    byte[] nextRoot = mth(inputs.subList(0, n + 1));
                    assertThat(MerkleProofs.verifyInclusion(m, n + 1, leaf, expected, nextRoot)).isFalse();
                }
            }
        }
    }

    @Test
    void consistencyProofsAgreeAndEveryAlterationFails() {
        List<byte[]> inputs = leaves(MAX);
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(inputs);
        List<SubtreeHashes> sources = List.of(tree, SubtreeHashes.rehashing(tree),
                PerfectSubtreeCache.inMemory(tree, 1), PerfectSubtreeCache.inMemory(tree, 2));
        byte[][] roots = new byte[MAX + 1][];
        for (int n = 0; n <= MAX; n++) {
            roots[n] = mth(inputs.subList(0, n));
        }
        for (int n = 1; n <= MAX; n++) {
            List<byte[]> d = inputs.subList(0, n);
            for (int m = 1; m <= n; m++) {
                List<byte[]> expected = m == n ? List.of() : proof(m, d);
                for (SubtreeHashes source : sources) {
                    assertThat(MerkleProofs.consistencyProof(source, m, n)).as("PROOF(%d, D[%d])", m, n)
                            .usingElementComparator(Arrays::compare).containsExactlyElementsOf(expected);
                }
                assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n], expected))
                        .as("PROOF(%d, D[%d])", m, n).isTrue();

                for (int i = 0; i < expected.size(); i++) {
                    for (int bit : new int[] {0, 100, 255}) {
                        assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n], flip(expected, i, bit)))
                                .as("PROOF(%d, D[%d]) with element %d altered", m, n, i).isFalse();
                    }
                }
                assertThat(MerkleProofs.verifyConsistency(m, n, flipBit(roots[m], 3), roots[n], expected)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], flipBit(roots[n], 3), expected)).isFalse();
                if (!expected.isEmpty()) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n],
                            expected.subList(0, expected.size() - 1))).as("truncated").isFalse();
                    assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n],
                            expected.subList(1, expected.size()))).as("first dropped").isFalse();
                }
                List<byte[]> longer = new ArrayList<>(expected);
                longer.add(roots[n]);
                assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n], longer)).as("extended").isFalse();
                // a proof for other sizes does not pass for these (unless it happens to be the same proof)
                if (m > 1 && m < n) {
                    List<byte[]> other = proof(m - 1, d);
                    boolean same = other.size() == expected.size()
                            && Arrays.deepEquals(other.toArray(), expected.toArray());
                    assertThat(MerkleProofs.verifyConsistency(m, n, roots[m], roots[n], other)).isEqualTo(same);
                    assertThat(MerkleProofs.verifyConsistency(m - 1, n, roots[m], roots[n], expected)).isFalse();
                }
            }
        }
        assertThat(MerkleProofs.verifyConsistency(0, 0, roots[0], roots[0], List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 5, roots[0], roots[5], List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 4, roots[5], roots[4], List.of())).isFalse();
    }

    @Test
    void rangeHashIsTheTreeHashOfAnyRange() {
        List<byte[]> inputs = leaves(40);
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(inputs);
        for (int start = 0; start < 40; start++) {
            for (int end = start + 1; end <= 40; end++) {
                assertThat(MerkleProofs.rangeHash(tree, start, end)).as("[%d, %d)", start, end)
                        .isEqualTo(mth(inputs.subList(start, end)));
            }
        }
    }

    static List<byte[]> flip(List<byte[]> proof, int element, int bit) {
        List<byte[]> altered = new ArrayList<>(proof);
        altered.set(element, flipBit(proof.get(element), bit));
        return altered;
    }

    static byte[] flipBit(byte[] hash, int bit) {
        byte[] altered = hash.clone();
        altered[bit / 8] ^= (byte) (1 << (bit % 8));
        return altered;
    }
}
