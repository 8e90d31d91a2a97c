package org.communityledger.verifier;

import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.communityledger.proofs.tree.RootAccumulator;

/**
 * The export's transparency tree (RFC 9162): leaf <i>i</i> is line <i>i</i>, its input the 32 bytes of the
 * event's chain hash. Kept as a {@link RootAccumulator}, O(log n) hashes; the root at each size a checkpoint
 * names is taken as the tree passes it, so no leaf is kept.
 */
final class LogTree {

    private final RootAccumulator accumulator = new RootAccumulator();
    private final Set<Long> wantedSizes;
    private final Map<Long, byte[]> rootsAtWantedSizes = new HashMap<>();
    private long leaves;
    private long firstUnreadableLine;

    /** A tree that keeps its root at each of these sizes. */
    LogTree(Collection<Long> wantedSizes) {
        this.wantedSizes = Set.copyOf(wantedSizes);
        keepRootIfWanted();
    }

    /** Appends the leaf of an event whose hash is this (64 lowercase hex). */
    void append(String chainHash) {
        leaves++;
        if (firstUnreadableLine == 0) {
            accumulator.appendLeaf(HexFormat.of().parseHex(chainHash));
            keepRootIfWanted();
        }
    }

    /** Counts a leaf whose hash cannot be read: from here on no root can be computed. */
    void appendUnreadable(long line) {
        leaves++;
        if (firstUnreadableLine == 0) {
            firstUnreadableLine = line;
        }
    }

    long size() {
        return leaves;
    }

    /** The root of every leaf so far; absent after a leaf that could not be read. */
    Optional<byte[]> root() {
        return firstUnreadableLine == 0 ? Optional.of(accumulator.root()) : Optional.empty();
    }

    /** The root at a size asked for at construction, once the tree has reached it with every leaf read. */
    Optional<byte[]> rootAt(long size) {
        return Optional.ofNullable(rootsAtWantedSizes.get(size));
    }

    /** The line of the first leaf that could not be read. */
    OptionalLong firstUnreadableLine() {
        return firstUnreadableLine == 0 ? OptionalLong.empty() : OptionalLong.of(firstUnreadableLine);
    }

    private void keepRootIfWanted() {
        if (wantedSizes.contains(accumulator.size())) {
            rootsAtWantedSizes.put(accumulator.size(), accumulator.root());
        }
    }
}
