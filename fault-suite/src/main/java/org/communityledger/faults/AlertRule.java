package org.communityledger.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prometheus alert rule of ops/prometheus/alerts.yml, of the one form the suite can judge:
 * {@code max(<metric>) > <number>} with an optional {@code for:}. Read with a few patterns, not a YAML library:
 * a rule of any other form fails loudly instead of being judged wrongly.
 */
record AlertRule(String name, String metric, double threshold, Duration holdFor) {

    private static final Pattern EXPRESSION = Pattern.compile("max\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\)\\s*>\\s*"
            + "([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    static AlertRule read(Path rules, String name) throws IOException {
        return parse(Files.readString(rules), name, rules.toString());
    }

    /** The rule named {@code name} in the text of a rules file; {@code source} names the file in errors. */
    static AlertRule parse(String text, String name, String source) {
        List<String> lines = text.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (lines.get(i).trim().matches("-\\s*alert:\\s*['\"]?" + Pattern.quote(name) + "['\"]?")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new IllegalStateException(source + " has no alert rule " + name);
        }
        String expression = null;
        String holdFor = null;
        for (int i = start + 1; i < lines.size() && !lines.get(i).trim().startsWith("- "); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("expr:")) {
                expression = unquoted(line.substring("expr:".length()));
            } else if (line.startsWith("for:")) {
                holdFor = unquoted(line.substring("for:".length()));
            }
        }
        Matcher form = EXPRESSION.matcher(expression == null ? "" : expression);
        if (!form.matches()) {
            throw new IllegalStateException("the alert rule " + name + " in " + source + " is no longer of the form"
                    + " max(<metric>) > <number> (expr: " + expression + "): the fault suite cannot judge it");
        }
        return new AlertRule(name, form.group(1), Double.parseDouble(form.group(2)),
                holdFor == null ? Duration.ZERO : duration(holdFor, name, source));
    }

    /** A Prometheus duration such as 2m, 90s or 1m30s. */
    private static Duration duration(String text, String name, String source) {
        Matcher part = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                case "w" -> Duration.ofDays(7 * amount);
                default -> Duration.ofDays(365 * amount);
            });
            end = part.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalStateException("the alert rule " + name + " in " + source + " holds for '" + text
                    + "', which is not a Prometheus duration");
        }
        return total;
    }

    private static String unquoted(String value) {
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * The longest time the samples stayed above the threshold without a break, as Prometheus' evaluations would
     * have seen it: a sample at or below it, or without a value (NaN: a failed scrape, or a gauge that could not be
     * read), ends the streak and the rule's pending state with it.
     */
    Duration longestAbove(List<MetricSampler.Sample> samples) {
        long longest = 0;
        long streakFrom = -1;
        for (MetricSampler.Sample sample : samples) {
            if (sample.value(metric) > threshold) {
                if (streakFrom < 0) {
                    streakFrom = sample.atNanos();
                }
                longest = Math.max(longest, sample.atNanos() - streakFrom);
            } else {
                streakFrom = -1;
            }
        }
        return Duration.ofNanos(longest);
    }

    /** Whether the rule would have fired: above the threshold, at every evaluation, for its whole {@code for}. */
    boolean wouldFire(List<MetricSampler.Sample> samples) {
        return samples.stream().anyMatch(sample -> sample.value(metric) > threshold)
                && longestAbove(samples).compareTo(holdFor) >= 0;
    }

    @Override
    public String toString() {
        String limit = threshold == Math.rint(threshold) ? Long.toString((long) threshold) : Double.toString(threshold);
        return name + " (max(" + metric + ") > " + limit + " for " + holdFor.toSeconds() + " s)";
    }
}
