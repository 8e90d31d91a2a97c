package org.communityledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteVerifier;

/**
 * Verifies an NDJSON export of the ledger with nothing from the running system (docs/audit.md, "Verifying
 * offline"): every event's chain hash recomputed from the exported bytes, each community's versions and links
 * followed, positions strictly increasing, and the RFC 9162 tree of the lines compared with the roots that
 * kept checkpoints sign.
 *
 * <p>The export is read once, line by line; memory holds one line, one head per community and O(log n) tree
 * hashes, whatever the export's length. What it cannot tell alone: an export cut at a line boundary is a
 * well-formed shorter log, and an event altered <em>and sealed again</em> along with every later event of its
 * community is a well-formed other log. A checkpoint kept from earlier catches both.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    /**
     * Verifies an export file.
     *
     * @param export             the NDJSON export, a whole one ({@code GET /api/audit/export} without filters)
     * @param checkpoint         a signed checkpoint (C2SP tlog-checkpoint) the export must hold
     * @param key                the note verifier key of the log; needed with either checkpoint
     * @param previousCheckpoint an earlier signed checkpoint the export must extend
     * @throws IllegalArgumentException when a checkpoint is given without a key
     * @throws IOException              when the export cannot be read
     */
    public static Report verify(Path export, Optional<String> checkpoint, Optional<NoteVerifier> key,
                                Optional<String> previousCheckpoint) throws IOException {
        try (InputStream in = Files.newInputStream(export)) {
            return verify(in, checkpoint, key, previousCheckpoint);
        }
    }

    /** {@link #verify(Path, Optional, Optional, Optional)} of an export read from a stream (not closed here). */
    public static Report verify(InputStream export, Optional<String> checkpoint, Optional<NoteVerifier> key,
                                Optional<String> previousCheckpoint) throws IOException {
        if ((checkpoint.isPresent() || previousCheckpoint.isPresent()) && key.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is checked with the log's verifier key");
        }
        Problems problems = new Problems();
        Optional<Checkpoint> current = checkpoint.flatMap(note ->
                KeptCheckpoints.open(note, key.orElseThrow(), Location.Note.CHECKPOINT, problems));
        Optional<Checkpoint> previous = previousCheckpoint.flatMap(note ->
                KeptCheckpoints.open(note, key.orElseThrow(), Location.Note.PREVIOUS_CHECKPOINT, problems));
        if (current.isPresent() && previous.isPresent()) {
            KeptCheckpoints.compareSizes(previous.get(), current.get(), problems);
        }
        List<Long> sizes = new ArrayList<>();
        current.ifPresent(c -> sizes.add(c.size()));
        previous.ifPresent(c -> sizes.add(c.size()));

        Walk walk = new Walk(new LogTree(sizes), problems);
        walk.read(new ExportLines(export));

        current.ifPresent(c -> KeptCheckpoints.compare(c, Location.Note.CHECKPOINT, walk.tree, problems));
        previous.ifPresent(c -> KeptCheckpoints.compare(c, Location.Note.PREVIOUS_CHECKPOINT, walk.tree, problems));
        return new Report(walk.events, walk.chains.communities(), walk.tree.size(),
                walk.tree.root().map(KeptCheckpoints::base64), current, previous, problems.listed(), problems.count());
    }

    /** One pass over the lines: each one's event checked, its chain followed and its leaf appended. */
    private static final class Walk {
        private final LogTree tree;
        private final Problems problems;
        private final CommunityChains chains;
        private final LineParser parser = new LineParser();
        private long events;
        private long lastPosition;
        private long lastPositionLine;

        Walk(LogTree tree, Problems problems) {
            this.tree = tree;
            this.problems = problems;
            this.chains = new CommunityChains(problems);
        }

        void read(ExportLines lines) throws IOException {
            while (lines.next()) {
                if (lines.tooLong()) {
                    problems.add(Problem.Kind.LINE_MALFORMED, lineAlone(lines.number()), "longer than "
                            + (ExportLines.MAX_LINE_BYTES >> 20) + " MiB: no event of the ledger is");
                    tree.appendUnreadable(lines.number());
                } else if (lines.blank()) {
                    problems.add(Problem.Kind.LINE_MALFORMED, lineAlone(lines.number()), "an empty line, where the"
                            + " export writes one event a line");
                } else {
                    readEvent(lines);
                }
            }
        }

        private void readEvent(ExportLines lines) {
            ExportLine event;
            try {
                event = parser.parse(lines.bytes(), lines.length());
            } catch (LineParser.Malformed e) {
                Location.Line where = parser.location(lines.number());
                problems.add(Problem.Kind.LINE_MALFORMED, where, lines.endsWithNewline() ? e.getMessage()
                        : "the export ends inside this line, which was cut off (" + e.getMessage() + ")");
                tree.appendUnreadable(lines.number());
                chains.unreadable(where);
                return;
            }
            Location.Line where = new Location.Line(lines.number(), OptionalLong.of(event.position()),
                    Optional.of(event.communityId()), OptionalLong.of(event.version()));
            checkPosition(event.position(), where);
            if (event.seal().isEmpty()) {
                problems.add(Problem.Kind.METADATA_NOT_AN_OBJECT, where, "the stored metadata is not a JSON object,"
                        + " so the export wrote it as a string: the event's seal cannot be read");
                tree.appendUnreadable(lines.number());
                chains.unreadable(where);
                return;
            }
            ExportLine.Seal seal = event.seal().get();
            tree.append(seal.hash());
            chains.check(event, seal, where);
            events++;
        }

        private static Location.Line lineAlone(long number) {
            return new Location.Line(number, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
        }

        /** Strictly increasing; compared with the line before, so one line out of place is one problem. */
        private void checkPosition(long position, Location.Line where) {
            if (lastPositionLine > 0 && position <= lastPosition) {
                problems.add(Problem.Kind.POSITION_NOT_INCREASING, where, "position " + position + " is not after"
                        + " position " + lastPosition + " (line " + lastPositionLine + "): the export is reordered,"
                        + " or repeats an event");
            }
            lastPosition = position;
            lastPositionLine = where.number();
        }
    }
}
