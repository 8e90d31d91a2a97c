package org.communityledger.proofs.tree;

/** Arithmetic on perfect subtrees shared by the implementations of {@link SubtreeHashes}. */
final class Subtrees {

    /** Trees stop at 2^62 leaves so that every index and size stays a positive long. */
    static final int MAX_LEVEL = 62;

    private Subtrees() {
    }

    /** A source of node hashes at one level. */
    @FunctionalInterface
    interface Level {
        byte[] hash(int level, long index);
    }

    /** Throws unless the perfect subtree (level, index) lies within size leaves. */
    static void checkComplete(int level, long index, long size) {
        if (level < 0 || level > MAX_LEVEL || index < 0) {
            throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
        }
        // (index + 1) << level <= size, without overflowing
        if (index >= (size >> level)) {
            throw new IllegalArgumentException("the subtree at level " + level + ", index " + index
                    + " is not complete within " + size + " leaves");
        }
    }

    /**
     * The hash of the perfect subtree (level, index) from the 2^(level - base) nodes of level {@code base}
     * below it, combined pairwise: 2^(level - base) reads and 2^(level - base) - 1 hashes.
     */
    static byte[] hashFromBelow(int base, int level, long index, Level below) {
        int height = level - base;
        if (height == 0) {
            return MerkleHashes.checkedHash(below.hash(base, index), "a stored hash");
        }
        // A stack of at most height + 1 pending perfect subtrees, merged as soon as two of a size meet.
        byte[][] stack = new byte[height + 1][];
        int[] heights = new int[height + 1];
        int top = 0;
        long first = index << height;
        long count = 1L << height;
        for (long i = 0; i < count; i++) {
            byte[] hash = MerkleHashes.checkedHash(below.hash(base, first + i), "a stored hash");
            int h = 0;
            while (top > 0 && heights[top - 1] == h) {
                hash = MerkleHashes.nodeHash(stack[--top], hash);
                h++;
            }
            stack[top] = hash;
            heights[top++] = h;
        }
        return stack[0];
    }
}
