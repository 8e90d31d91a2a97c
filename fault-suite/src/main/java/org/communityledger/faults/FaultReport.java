package org.communityledger.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The suite's table, printed and written to fault-results/ as Markdown. */
final class FaultReport {

    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> selfTestProblems = new ArrayList<>();

    void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    /** The check's self-test (see {@link CheckSelfTest}): any problem fails the whole run. */
    void selfTest(List<String> problems) {
        selfTestProblems.addAll(problems);
        note(problems.isEmpty()
                ? "Self-test of the check, before the faults: it reported a made-up acknowledgement as lost, a member"
                        + " count raised behind the projector's back as applied twice, views one event behind the store"
                        + " as lost, a stored event missing from the topic (a stray version in its place) as lost, an"
                        + " idempotency key stored twice as applied twice, and views changed behind the projector as"
                        + " differing from a rebuild."
                : "SELF-TEST OF THE CHECK FAILED: " + String.join("; ", problems));
    }

    void note(String note) {
        notes.add(note);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    boolean passed() {
        return selfTestProblems.isEmpty() && !outcomes.isEmpty() && outcomes.stream().allMatch(Outcome::passed);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("| # | scenario | acked | stored | projected | lost | applied twice | recovery | result |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Outcome outcome : outcomes) {
            Tally tally = outcome.tally();
            text.append(String.format("| %s | %s | %,d | %,d | %,d | %,d | %,d | %s | %s |%n", outcome.number(),
                    outcome.title(), tally.acked(), tally.stored(), tally.projected(), tally.lost(),
                    tally.appliedTwice(), outcome.recovery() == null ? "—"
                            : String.format("%.1f s", outcome.recovery().toMillis() / 1000.0),
                    outcome.passed() ? "pass" : "FAIL"));
        }
        text.append('\n');
        for (Outcome outcome : outcomes) {
            text.append("- ").append(outcome.number()).append(": ")
                    .append(String.join("; ", outcome.observations()));
            if (outcome.tally().topicRepeats() > 0) {
                text.append("; ").append(outcome.tally().topicRepeats()).append(" repeated records on the topic absorbed");
            }
            text.append('\n');
            for (String finding : outcome.findings()) {
                text.append("  - FINDING: ").append(finding).append('\n');
            }
        }
        notes.forEach(note -> text.append("\n").append(note).append('\n'));
        return text.toString();
    }

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("faults-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md");
        Files.writeString(file, "# Fault suite\n\n" + markdown());
        return file;
    }
}
