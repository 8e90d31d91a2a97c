package org.communityledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --repeat N}: each figure of N runs of the same plan as its median and spread (lowest and highest), with
 * how many runs met its target, so that a change of 10 % can be told from this machine's noise. Figures are
 * matched by id and what they measured; one a run did not report counts in the others only.
 */
final class RepeatSummary {

    private final List<Report> runs;

    RepeatSummary(List<Report> runs) {
        this.runs = List.copyOf(runs);
    }

    /** One figure over the runs. */
    record Row(String id, String what, String unit, List<Double> values, List<Double> ratios, int met, int judged) {

        double median() {
            return RepeatSummary.median(values);
        }

        double medianRatio() {
            return RepeatSummary.median(ratios);
        }

        double lowest() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double highest() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** The spread as a share of the median: how far apart the runs were. */
        double spread() {
            return median() == 0 ? Double.NaN : (highest() - lowest()) / median();
        }
    }

    List<Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Report run : runs) {
            for (Figure figure : run.figures()) {
                // P3's "what" names its rate, which differs per run: figures are matched on their words.
                String key = figure.id() + "|" + figure.unit() + "|" + figure.what().replaceAll("[0-9.,]+", "#");
                Row row = rows.computeIfAbsent(key, ignored -> new Row(figure.id(), figure.what(), figure.unit(),
                        new ArrayList<>(), new ArrayList<>(), 0, 0));
                row.values().add(figure.value());
                if (!Double.isNaN(figure.ratio())) {
                    row.ratios().add(figure.ratio());
                }
                if (figure.met() != null) {
                    rows.put(key, new Row(row.id(), row.what(), row.unit(), row.values(), row.ratios(),
                            row.met() + (figure.met() ? 1 : 0), row.judged() + 1));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    String markdown() {
        StringBuilder text = new StringBuilder(String.format("%d runs; median, lowest–highest and spread "
                + "((highest − lowest) / median) of each figure%n%n", runs.size()));
        text.append("| figure | measured | median | lowest – highest | spread | median ratio | met |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows()) {
            text.append(String.join(" | ", "| " + row.id(), row.what(), format(row.median()) + " " + row.unit(),
                    format(row.lowest()) + " – " + format(row.highest()),
                    Double.isNaN(row.spread()) ? "" : String.format("%.0f %%", row.spread() * 100),
                    row.ratios().isEmpty() ? "" : String.format("%.3f", row.medianRatio()),
                    row.judged() == 0 ? "" : row.met() + " of " + row.judged())).append(" |\n");
        }
        return text.toString();
    }

    Path write(Path directory, String plan) throws IOException {
        Files.createDirectories(directory);
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "");
        Path markdown = directory.resolve("bench-" + stamp + "-" + plan + "-repeat" + runs.size() + ".md");
        Files.writeString(markdown, "# ./ledger bench (" + plan + ") --repeat " + runs.size() + ", " + Instant.now()
                + "\n\n" + markdown());
        return markdown;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
