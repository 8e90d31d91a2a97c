package org.communityledger.proofs.tree;

import java.util.List;

/**
 * The leaf hashes of a log, read by index: what a store of events can answer without knowing about trees
 * (the {@link MerkleHashes#leafHash} of each entry, computed once when it is appended).
 *
 * <p>Implementations should answer {@link #leafHash} in O(1) (an array, an indexed column); the proofs'
 * complexity in {@link MerkleProofs} counts these reads.
 */
public interface LeafHashes {

    /** The number of leaves. */
    long size();

    /** The hash of leaf {@code index}, {@code 0 <= index < size()}: {@value MerkleHashes#HASH_SIZE} bytes. */
    byte[] leafHash(long index);

    /** A view of a list of leaf hashes (not copied: the list must only ever grow). */
    static LeafHashes of(List<byte[]> leafHashes) {
        return new LeafHashes() {
            @Override
            public long size() {
                return leafHashes.size();
            }

            @Override
            public byte[] leafHash(long index) {
                if (index < 0 || index >= leafHashes.size()) {
                    throw new IndexOutOfBoundsException("leaf " + index + " of " + leafHashes.size());
                }
                return leafHashes.get((int) index);
            }
        };
    }
}
