package org.communityledger.proofs.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PerfectSubtreeCacheTest {

    /** Leaf hashes made up on the fly (leaf i hashes the number i), counting every read. */
    static final class CountingLeaves implements LeafHashes {
        final long size;
        final AtomicLong reads = new AtomicLong();

        CountingLeaves(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public byte[] leafHash(long index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            reads.incrementAndGet();
            return MerkleHashes.leafHash(ByteBuffer.allocate(8).putLong(index).array());
        }
    }

    /** An in-memory store counting reads and writes. */
    static final class CountingStore implements SubtreeStore {
        final SubtreeStore inner = SubtreeStore.inMemory();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong writes = new AtomicLong();

        @Override
        public byte[] get(int level, long index) {
            reads.incrementAndGet();
            return inner.get(level, index);
        }

        @Override
        public void put(int level, long index, byte[] hash) {
            writes.incrementAndGet();
            inner.put(level, index, hash);
        }
    }

    @Test
    void proofsInAMillionLeavesReadAFewDozenHashes() {
        long size = (1L << 20) + 12_345;
        CountingLeaves leaves = new CountingLeaves(size);
        RootAccumulator everyLeaf = new RootAccumulator();
        for (long i = 0; i < size; i++) {
            everyLeaf.appendLeafHash(leaves.leafHash(i));
        }
        byte[] root = everyLeaf.root();

        for (int stride : new int[] {1, 4}) {
            CountingStore store = new CountingStore();
            PerfectSubtreeCache cache = new PerfectSubtreeCache(leaves, store, stride, 0);
            cache.extendTo(size);
            assertThat(store.writes.get()).as("stride %d keeps under n / (2^stride - 1)", stride)
                    .isLessThan(size / ((1L << stride) - 1));

            leaves.reads.set(0);
            store.reads.set(0);
            assertThat(MerkleProofs.rootHash(cache, size)).isEqualTo(root);
            long rootReads = leaves.reads.get() + store.reads.get();

            leaves.reads.set(0);
            store.reads.set(0);
            long index = 777_777;
            List<byte[]> inclusion = MerkleProofs.inclusionProof(cache, index, size);
            long inclusionReads = leaves.reads.get() + store.reads.get();
            assertThat(MerkleProofs.verifyInclusion(index, size, leaves.leafHash(index), inclusion, root)).isTrue();

            long first = 654_321;
            byte[] firstRoot = MerkleProofs.rootHash(cache, first);
            leaves.reads.set(0);
            store.reads.set(0);
            List<byte[]> consistency = MerkleProofs.consistencyProof(cache, first, size);
            long consistencyReads = leaves.reads.get() + store.reads.get();
            assertThat(MerkleProofs.verifyConsistency(first, size, firstRoot, root, consistency)).isTrue();

            // 21 levels; at most 2^(stride - 1) reads per node, about two nodes per level
            long bound = 2L * 21 * (1L << (stride - 1));
            assertThat(rootReads).as("root, stride %d", stride).isLessThanOrEqualTo(bound);
            assertThat(inclusionReads).as("inclusion, stride %d", stride).isLessThanOrEqualTo(bound);
            assertThat(consistencyReads).as("consistency, stride %d", stride).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void extendingStepByStepOrReopeningGivesTheSameHashes() {
        List<byte[]> hashes = new ArrayList<>();
        InMemoryMerkleTree reference = new InMemoryMerkleTree();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = MerkleHashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8)});
            hashes.add(leaf);
            reference.appendLeafHash(leaf);
        }
        LeafHashes leaves = LeafHashes.of(hashes);
        SubtreeStore store = SubtreeStore.inMemory();
        PerfectSubtreeCache cache = new PerfectSubtreeCache(leaves, store, 3, 0);
        long[] steps = {1, 2, 7, 8, 9, 64, 65, 100, 255, 256, 257, 300};
        for (long step : steps) {
            cache.extendTo(step);
            assertThat(cache.size()).isEqualTo(step);
            assertThat(MerkleProofs.rootHash(cache, step)).as("size %d", step).isEqualTo(reference.root(step));
            // reopened over the same store, as after a restart
            PerfectSubtreeCache reopened = new PerfectSubtreeCache(leaves, store, 3, step);
            for (long m = 0; m < step; m += 7) {
                assertThat(MerkleProofs.inclusionProof(reopened, m, step))
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(reference.inclusionProof(m, step));
            }
        }
        assertThatThrownBy(() -> cache.perfectSubtreeHash(0, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.extendTo(301)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(cache, 5, 301)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoreMissingAHashIsAnErrorNotAWrongProof() {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            hashes.add(MerkleHashes.leafHash(new byte[] {(byte) i}));
        }
        PerfectSubtreeCache cache = new PerfectSubtreeCache(LeafHashes.of(hashes), SubtreeStore.inMemory(), 1, 16);
        assertThatThrownBy(() -> MerkleProofs.rootHash(cache, 16)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no subtree at level 4");
    }

    @Test
    void rootAccumulatorResumesFromItsPeaks() {
        RootAccumulator whole = new RootAccumulator();
        RootAccumulator part = new RootAccumulator();
        for (int i = 0; i < 1000; i++) {
            byte[] input = {(byte) i, (byte) (i >> 8)};
            whole.appendLeaf(input);
            if (i == 612) {
                part = RootAccumulator.resume(part.size(), part.peaks());
            }
            part.appendLeaf(input);
            assertThat(part.root()).isEqualTo(whole.root());
        }
        assertThat(whole.peaks()).hasSize(Long.bitCount(1000));
        assertThatThrownBy(() -> RootAccumulator.resume(3, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
