package org.communityledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's figures as a table on the terminal, and as Markdown and JSON under bench-results/. */
final class Report {

    private final Map<String, String> machine = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void machine(String what, String value) {
        machine.put(what, value);
    }

    void add(Figure figure) {
        figures.add(figure);
        System.out.println("  " + row(figure, " | "));
    }

    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    Map<String, String> machine() {
        return Map.copyOf(machine);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        machine.forEach((what, value) -> text.append("- ").append(what).append(": ").append(value).append('\n'));
        text.append("\n| figure | measured | value | ratio | target | met | detail |\n")
                .append("|---|---|---|---|---|---|---|\n");
        figures.forEach(figure -> text.append("| ").append(row(figure, " | ")).append(" |\n"));
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString();
    }

    Path write(Path directory, String plan) throws IOException {
        Files.createDirectories(directory);
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "");
        Path markdown = directory.resolve("bench-" + stamp + "-" + plan + ".md");
        Files.writeString(markdown, "# ./ledger bench (" + plan + "), " + Instant.now() + "\n\n" + markdown());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("plan", plan);
        document.put("finishedAt", Instant.now().toString());
        document.put("machine", machine);
        document.put("figures", figures);
        document.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("bench-" + stamp + "-" + plan + ".json").toFile(), document);
        return markdown;
    }

    private static String row(Figure figure, String separator) {
        return String.join(separator, figure.id(), figure.what(), format(figure.value()) + " " + figure.unit(),
                Double.isNaN(figure.ratio()) ? "" : String.format("%.3f", figure.ratio()), figure.target(),
                figure.met() == null ? "" : figure.met() ? "yes" : "NO", figure.detail());
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
