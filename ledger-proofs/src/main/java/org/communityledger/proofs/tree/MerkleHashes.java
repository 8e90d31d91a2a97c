package org.communityledger.proofs.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * The hash functions of RFC 9162 §2.1 with SHA-256, and the tree hash (MTH) of a list of leaves.
 *
 * <pre>
 * MTH({})       = SHA-256()
 * MTH({d(0)})   = SHA-256(0x00 ‖ d(0))
 * MTH(D[n])     = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))   k = the largest power of two smaller than n
 * </pre>
 *
 * <p>The 0x00/0x01 prefixes keep a leaf from ever hashing like an interior node (second pre-images).
 */
public final class MerkleHashes {

    /** Bytes in every hash: SHA-256's 32. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashes() {
    }

    /** {@code SHA-256(0x00 ‖ input)}: the hash of a leaf with this input. */
    public static byte[] leafHash(byte[] input) {
        Objects.requireNonNull(input, "input");
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(input);
        return sha256.digest();
    }

    /** {@code SHA-256(0x01 ‖ left ‖ right)}: the hash of an interior node with these children. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The tree hash of these leaf inputs, in O(n) hashes and O(log n) memory beside the list. */
    public static byte[] root(List<byte[]> leafInputs) {
        RootAccumulator accumulator = new RootAccumulator();
        leafInputs.forEach(accumulator::appendLeaf);
        return accumulator.root();
    }

    /** The tree hash of leaves given by their hashes (already {@link #leafHash}ed). */
    public static byte[] rootOfLeafHashes(List<byte[]> leafHashes) {
        RootAccumulator accumulator = new RootAccumulator();
        leafHashes.forEach(accumulator::appendLeafHash);
        return accumulator.root();
    }

    /** Whether this is a hash at all: not null and {@value #HASH_SIZE} bytes. */
    static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    /** Compares in time independent of where the hashes differ. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] checkedHash(byte[] hash, String what) {
        if (!isHash(hash)) {
            throw new IllegalStateException(what + " is not a " + HASH_SIZE + "-byte hash");
        }
        return hash;
    }

    /** For n &ge; 2: the largest power of two smaller than n, RFC 9162's k. */
    static long splitPoint(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("only a range of two or more leaves is split, not " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
