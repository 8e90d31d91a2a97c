package org.communityledger.client.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The samples of a Prometheus text exposition (format 0.0.4, which both services answer). Comments and lines
 * that cannot be read are skipped: a metric the reader does not find is absent, never an error, because the
 * services add and rename metrics between releases.
 */
public final class PrometheusMetrics {

    private final List<MetricSample> samples;

    private PrometheusMetrics(List<MetricSample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PrometheusMetrics parse(String text) {
        List<MetricSample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            SampleLine.read(line.strip()).ifPresent(samples::add);
        }
        return new PrometheusMetrics(samples);
    }

    /** Every sample of the metric, in the order of the text. */
    public List<MetricSample> samples(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /**
     * The metric's value, summed over its samples (a metric split by labels the caller does not care about adds
     * up), or empty when the text has no such metric.
     */
    public OptionalDouble value(String name) {
        List<MetricSample> named = samples(name);
        return named.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(named.stream().mapToDouble(MetricSample::value).sum());
    }

    /** The metric's values by one label's value, sorted by it (numerically where all are numbers). */
    public Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> values = new HashMap<>();
        for (MetricSample sample : samples(name)) {
            String key = sample.label(label);
            if (key != null) {
                values.merge(key, sample.value(), Double::sum);
            }
        }
        TreeMap<String, Double> sorted = new TreeMap<>(PrometheusMetrics::compareLabelValues);
        sorted.putAll(values);
        return sorted;
    }

    /** Partitions 2 and 10 sort as numbers, reasons as text. */
    private static int compareLabelValues(String left, String right) {
        boolean numbers = left.matches("\\d{1,9}") && right.matches("\\d{1,9}");
        return numbers ? Integer.compare(Integer.parseInt(left), Integer.parseInt(right)) : left.compareTo(right);
    }
}
