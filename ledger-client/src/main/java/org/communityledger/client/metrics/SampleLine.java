package org.communityledger.client.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads one line of the text format: a name, optional labels in braces, a value, an optional timestamp. */
final class SampleLine {

    private final String line;
    private int at;

    private SampleLine(String line) {
        this.line = line;
    }

    static Optional<MetricSample> read(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SampleLine(line).sample());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private MetricSample sample() {
        String name = name();
        Map<String, String> labels = at < line.length() && line.charAt(at) == '{' ? labels() : Map.of();
        String[] rest = line.substring(at).strip().split("\\s+");
        return new MetricSample(name, labels, number(rest[0]));
    }

    private String name() {
        int start = at;
        while (at < line.length() && (Character.isLetterOrDigit(line.charAt(at)) || line.charAt(at) == '_'
                || line.charAt(at) == ':')) {
            at++;
        }
        if (at == start) {
            throw new IllegalArgumentException("no metric name");
        }
        return line.substring(start, at);
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        at++;
        while (true) {
            skip(' ', ',');
            if (at >= line.length()) {
                throw new IllegalArgumentException("unclosed labels");
            }
            if (line.charAt(at) == '}') {
                at++;
                return labels;
            }
            int equals = line.indexOf('=', at);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("malformed label");
            }
            String label = line.substring(at, equals).strip();
            at = equals + 2;
            labels.put(label, quotedValue());
        }
    }

    /** A label value up to its closing quote; \\, \" and \n are the text format's escapes. */
    private String quotedValue() {
        StringBuilder value = new StringBuilder();
        while (at < line.length()) {
            char c = line.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && at < line.length()) {
                char escaped = line.charAt(at++);
                value.append(escaped == 'n' ? '\n' : escaped);
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("unclosed label value");
    }

    private void skip(char... characters) {
        while (at < line.length() && new String(characters).indexOf(line.charAt(at)) >= 0) {
            at++;
        }
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
