package org.communityledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.audit.ConsistencyProof;
import org.communityledger.client.audit.InclusionProof;
import org.communityledger.client.audit.ProofApi;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteVerifier;
import org.communityledger.proofs.tree.MerkleHashes;
import org.communityledger.proofs.tree.MerkleProofs;
import org.communityledger.proofs.tree.RootAccumulator;

/**
 * P10: what an auditor waits for a proof on a large log. Inclusion proofs of random events and consistency proofs
 * from random earlier sizes, each asked over HTTP against the current checkpoint and checked with
 * {@link MerkleProofs} (a proof that does not verify fails the figure). The reference is one indexed read of the
 * same table over JDBC, on the same machine in the same run.
 */
final class ProofLatency {

    private final ProofApi auditor;
    private final RawPostgres postgres;
    private final Random random = new Random(9162);

    ProofLatency(ProofApi auditor, RawPostgres postgres) {
        this.auditor = auditor;
        this.postgres = postgres;
    }

    /**
     * @param treeSize      the tree's size when the checkpoint was taken
     * @param inclusion     latency of inclusion proofs over HTTP
     * @param consistency   latency of consistency proofs over HTTP
     * @param indexedRead   latency of one primary-key read of a leaf over JDBC (the reference)
     * @param failures      proofs that did not verify against the checkpoint, or were not answered 200
     */
    record Result(long treeSize, Histogram inclusion, Histogram consistency, Histogram indexedRead, int failures) {

        boolean met() {
            return failures == 0 && inclusion.getValueAtPercentile(99) <= 50_000
                    && consistency.getValueAtPercentile(99) <= 50_000;
        }
    }

    Result measure(int samples) throws Exception {
        NoteVerifier key = NoteVerifier.parse(auditor.verifierKey().strip());
        Checkpoint checkpoint = Checkpoint.open(auditor.checkpoint(), key.name(), List.of(key));
        long size = checkpoint.size();
        List<Long> positions = positionsOfRandomLeaves(size, samples);
        int failures = 0;
        LatencyRecorder inclusion = new LatencyRecorder();
        for (long position : positions) {
            long start = System.nanoTime();
            InclusionProof proof = answered(() -> auditor.inclusionProof(position, size));
            inclusion.record(System.nanoTime() - start);
            if (proof == null || !inclusionHolds(proof, checkpoint)) {
                failures++;
            }
        }
        List<Long> earlierSizes = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            earlierSizes.add(1 + (long) (random.nextDouble() * size));
        }
        Map<Long, byte[]> earlierRoots = rootsAt(new TreeSet<>(earlierSizes));
        LatencyRecorder consistency = new LatencyRecorder();
        for (long from : earlierSizes) {
            long start = System.nanoTime();
            ConsistencyProof proof = answered(() -> auditor.consistencyProof(from, size));
            consistency.record(System.nanoTime() - start);
            if (proof == null || !MerkleProofs.verifyConsistency(from, size, earlierRoots.get(from),
                    checkpoint.rootHash(), hashes(proof.path()))) {
                failures++;
            }
        }
        return new Result(size, inclusion.histogram(), consistency.histogram(), indexedReads(size, samples), failures);
    }

    private boolean inclusionHolds(InclusionProof proof, Checkpoint checkpoint) {
        return MerkleProofs.verifyInclusion(proof.leafIndex(), checkpoint.size(),
                MerkleHashes.leafHash(Base64.getDecoder().decode(proof.leafInput())), hashes(proof.path()),
                checkpoint.rootHash());
    }

    /** The proof, or null when the service refused it: a refusal counts as a failed proof. */
    private static <T> T answered(Supplier<T> call) {
        try {
            return call.get();
        } catch (LedgerProblemException e) {
            return null;
        }
    }

    /**
     * The roots an auditor would have kept at these earlier sizes, from the stored leaf hashes in one pass over a
     * cursor (not timed): what each consistency proof must lead from.
     */
    private Map<Long, byte[]> rootsAt(SortedSet<Long> sizes) throws Exception {
        Map<Long, byte[]> roots = new HashMap<>();
        try (Connection connection = postgres.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                RootAccumulator accumulator = new RootAccumulator();
                try (ResultSet rows = statement.executeQuery("select leaf_hash from ledger.transparency_leaf "
                        + "where leaf_index < " + sizes.last() + " order by leaf_index")) {
                    while (rows.next()) {
                        accumulator.appendLeafHash(rows.getBytes(1));
                        if (sizes.contains(accumulator.size())) {
                            roots.put(accumulator.size(), accumulator.root());
                        }
                    }
                }
            }
        }
        return roots;
    }

    private List<Long> positionsOfRandomLeaves(long size, int samples) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (Connection connection = postgres.connect();
             PreparedStatement select = connection.prepareStatement(
                     "select position from ledger.transparency_leaf where leaf_index = ?")) {
            for (int i = 0; i < samples; i++) {
                select.setLong(1, (long) (random.nextDouble() * size));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    positions.add(row.getLong(1));
                }
            }
        }
        return positions;
    }

    private Histogram indexedReads(long size, int samples) throws Exception {
        LatencyRecorder reads = new LatencyRecorder();
        try (Connection connection = postgres.connect();
             PreparedStatement select = connection.prepareStatement(
                     "select leaf_hash from ledger.transparency_leaf where leaf_index = ?")) {
            for (int i = 0; i < samples * 2; i++) {
                select.setLong(1, (long) (random.nextDouble() * size));
                long start = System.nanoTime();
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    row.getBytes(1);
                }
                if (i >= samples) {
                    reads.record(System.nanoTime() - start);
                }
            }
        }
        return reads.histogram();
    }

    private static List<byte[]> hashes(List<String> base64) {
        return base64.stream().map(Base64.getDecoder()::decode).toList();
    }
}
