/**
 * Merkle tree hashing as RFC 9162 §2.1 defines it for SHA-256, with inclusion and consistency proofs.
 *
 * <p>Hashes: a leaf is {@code SHA-256(0x00 ‖ input)}, an interior node {@code SHA-256(0x01 ‖ left ‖ right)};
 * the tree hash of n &gt; 1 leaves splits them at k, the largest power of two smaller than n, and the empty
 * tree's hash is SHA-256 of nothing ({@link org.communityledger.proofs.tree.MerkleHashes}).
 *
 * <p>Sources of hashes, for logs far larger than memory:
 * <ul>
 *   <li>{@link org.communityledger.proofs.tree.LeafHashes}: the leaf hashes by index (e.g. a column of the
 *       event store);</li>
 *   <li>{@link org.communityledger.proofs.tree.SubtreeHashes}: the hash of any <em>perfect</em> subtree
 *       (2<sup>level</sup> leaves starting at a multiple of 2<sup>level</sup>). Every node a proof needs is a
 *       perfect subtree or the right edge of the tree, which is O(log n) perfect subtrees, so
 *       {@link org.communityledger.proofs.tree.MerkleProofs} computes a proof in O(log n) reads of this source;</li>
 *   <li>{@link org.communityledger.proofs.tree.PerfectSubtreeCache}: a SubtreeHashes over LeafHashes that keeps
 *       only the perfect subtrees of every {@code stride}-th level in a
 *       {@link org.communityledger.proofs.tree.SubtreeStore} (insert-only, so a database table can back it),
 *       about n / (2<sup>stride</sup> - 1) hashes, and reads at most 2<sup>stride - 1</sup> stored hashes or
 *       leaves per node;</li>
 *   <li>{@link org.communityledger.proofs.tree.InMemoryMerkleTree}: every node in memory, for tests and small
 *       logs; {@link org.communityledger.proofs.tree.RootAccumulator}: the root of a stream of leaves in
 *       O(log n) memory, for a verifier reading an export once.</li>
 * </ul>
 *
 * <p>Verification ({@link org.communityledger.proofs.tree.MerkleProofs#verifyInclusion},
 * {@link org.communityledger.proofs.tree.MerkleProofs#verifyConsistency}) follows the algorithms of RFC 9162
 * §2.1.3.2 and §2.1.4.2 step by step and needs nothing but the proof, the sizes and the hashes.
 */
package org.communityledger.proofs.tree;
