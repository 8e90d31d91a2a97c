package org.communityledger.launcher.operator.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.Formats;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Terminal;
import org.communityledger.launcher.operator.UsageException;
import org.communityledger.proofs.note.NoteException;
import org.communityledger.proofs.note.NoteVerifier;
import org.communityledger.verifier.Location;
import org.communityledger.verifier.OfflineVerifier;
import org.communityledger.verifier.Problem;
import org.communityledger.verifier.Report;

/**
 * {@code ./ledger verify --export FILE [--checkpoint FILE --key VKEY] [--previous-checkpoint FILE]}: checks an
 * export with {@link OfflineVerifier} and files only; no service is asked anything. Prints what held, then each
 * problem on a line of its own; exits 1 when there is any.
 */
final class ExportVerification {

    static final String EXPORT = "--export";
    static final String CHECKPOINT = "--checkpoint";
    static final String KEY = "--key";
    static final String PREVIOUS_CHECKPOINT = "--previous-checkpoint";

    private ExportVerification() {
    }

    static int run(ParsedArguments arguments, Terminal terminal) {
        if (!arguments.positionals().isEmpty()) {
            throw new UsageException(EXPORT + " checks the whole export, not the communities named: "
                    + String.join(" ", arguments.positionals()));
        }
        Path export = existingFile(arguments.value(EXPORT).orElseThrow(), EXPORT);
        Optional<String> checkpoint = arguments.value(CHECKPOINT).map(file -> read(existingFile(file, CHECKPOINT)));
        Optional<String> previous = arguments.value(PREVIOUS_CHECKPOINT)
                .map(file -> read(existingFile(file, PREVIOUS_CHECKPOINT)));
        Optional<NoteVerifier> key = arguments.value(KEY).map(ExportVerification::verifierKey);
        if ((checkpoint.isPresent() || previous.isPresent()) && key.isEmpty()) {
            throw new UsageException("a checkpoint is checked with the log's verifier key: add " + KEY
                    + " VKEY (the key text, or a file holding it)");
        }
        if (key.isPresent() && checkpoint.isEmpty() && previous.isEmpty()) {
            throw new UsageException(KEY + " checks a checkpoint: add " + CHECKPOINT + " FILE");
        }
        Report report;
        try {
            report = OfflineVerifier.verify(export, checkpoint, key, previous);
        } catch (IOException e) {
            terminal.err().println("ledger verify: cannot read " + export + ": " + e.getMessage());
            return ExitCode.ATTENTION;
        }
        print(report, export, key, terminal);
        return report.valid() ? ExitCode.OK : ExitCode.ATTENTION;
    }

    private static void print(Report report, Path export, Optional<NoteVerifier> key, Terminal terminal) {
        terminal.out().println("Verifying " + export + " offline: no service is asked.");
        String events = "export: " + Formats.count(report.events()) + " events in "
                + Formats.count(report.communities()) + " communities";
        terminal.out().println(line(!report.hasLineProblems(),
                events + "; every hash recomputed, every link and position followed", events));
        terminal.out().println(line("", "tree: " + Formats.count(report.treeSize()) + " leaves, root "
                + report.rootHash().orElse("unknown (a line has no readable hash)")));
        report.checkpoint().ifPresent(checkpoint -> {
            String signed = "checkpoint: " + checkpoint.origin() + " size " + Formats.count(checkpoint.size())
                    + ", signed by " + name(key.orElseThrow());
            String held = signed + "; its root is that of the export's first " + Formats.count(checkpoint.size())
                    + " events";
            terminal.out().println(line(!report.hasProblemsAt(Location.Note.CHECKPOINT), held, signed));
        });
        report.previousCheckpoint().ifPresent(previous -> {
            String signed = "previous checkpoint: size " + Formats.count(previous.size()) + ", signed by "
                    + name(key.orElseThrow());
            terminal.out().println(line(!report.hasProblemsAt(Location.Note.PREVIOUS_CHECKPOINT),
                    signed + "; the export extends it", signed));
        });
        for (Problem problem : report.problems()) {
            terminal.out().println(line("PROBLEM", problem.describe()));
        }
        if (report.unlistedProblems() > 0) {
            terminal.out().println(line("PROBLEM", "... and " + Formats.count(report.unlistedProblems())
                    + " more in the export's lines, not listed"));
        }
        if (report.checkpoint().isEmpty() && !report.hasProblemsAt(Location.Note.CHECKPOINT)) {
            terminal.out().println("Note: without a checkpoint, an export cut at a line boundary verifies as a shorter"
                    + " log, and one rewritten and sealed again as another log; check against a kept checkpoint ("
                    + CHECKPOINT + " FILE " + KEY + " VKEY).");
        }
        terminal.out().println(report.valid() ? "Valid: every check held."
                : Formats.count(report.problemCount()) + (report.problemCount() == 1 ? " problem" : " problems")
                + ": the export does not verify.");
    }

    /** What held, or what was checked and failed (the problems follow). */
    private static String line(boolean held, String whatHeld, String whatWasChecked) {
        return held ? line("OK", whatHeld) : line("FAILED", whatWasChecked + "; problems below");
    }

    private static String line(String outcome, String what) {
        return String.format(Locale.ROOT, "%-7s %s", outcome, what);
    }

    private static Path existingFile(String value, String option) {
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + ": no such file: " + value);
        }
        return file;
    }

    /** Bytes that are not UTF-8 are replaced, so a damaged note fails its signature rather than the command line. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The key text itself, or a file holding it (as {@code GET /api/audit/verifier-key} answers it). */
    private static NoteVerifier verifierKey(String value) {
        String text = value;
        try {
            Path file = Path.of(value);
            if (Files.isRegularFile(file)) {
                text = read(file);
            }
        } catch (InvalidPathException e) {
            // Not a path on this system: the key text itself.
        }
        try {
            return NoteVerifier.parse(text.strip());
        } catch (NoteException e) {
            throw new UsageException(KEY + " is neither a verifier key <name>+<hex id>+<base64 key> nor a file"
                    + " holding one (" + e.getMessage() + ")");
        }
    }

    private static String name(NoteVerifier key) {
        return key.name() + "+" + String.format(Locale.ROOT, "%08x", key.keyId());
    }
}
