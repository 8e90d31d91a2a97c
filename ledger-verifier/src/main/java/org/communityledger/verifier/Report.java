package org.communityledger.verifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityledger.proofs.note.Checkpoint;

/**
 * What the offline verifier found.
 *
 * @param events             lines whose event and seal could be read, each recomputed and followed
 * @param communities        communities seen
 * @param treeSize           leaves of the export's tree: every line that stands for an event, read or not
 * @param rootHash           base64 of the tree's root (RFC 9162), absent when a line had no readable hash
 * @param checkpoint         the checkpoint, when given and its signature verified
 * @param previousCheckpoint the previous checkpoint, when given and its signature verified
 * @param problems           the problems found, in the order found: every checkpoint's, and the export's first
 *                           {@value #MAX_LISTED_LINE_PROBLEMS}
 * @param problemCount       all problems found, listed or not
 */
public record Report(long events, long communities, long treeSize, Optional<String> rootHash,
                     Optional<Checkpoint> checkpoint, Optional<Checkpoint> previousCheckpoint,
                     List<Problem> problems, long problemCount) {

    /** More problems of the export's lines are counted, not listed: a wholly broken export must not fill memory. */
    public static final int MAX_LISTED_LINE_PROBLEMS = 1_000;

    public Report {
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(previousCheckpoint, "previousCheckpoint");
        problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong: every hash, link and given checkpoint verified. */
    public boolean valid() {
        return problemCount == 0;
    }

    /** Problems found but not listed. */
    public long unlistedProblems() {
        return problemCount - problems.size();
    }

    /** Whether any problem is about this checkpoint (those are always listed). */
    public boolean hasProblemsAt(Location.Note note) {
        return problems.stream().anyMatch(problem -> problem.location() == note);
    }

    /** Whether any problem is about a line of the export, listed or not. */
    public boolean hasLineProblems() {
        return problemCount > problems.stream().filter(problem -> problem.location() instanceof Location.Note).count();
    }
}
