package org.communityledger.client.metrics;

import java.util.Map;

/** One line of Prometheus' text format: {@code name{label="value",...} 12.0}. */
public record MetricSample(String name, Map<String, String> labels, double value) {

    public MetricSample {
        labels = Map.copyOf(labels);
    }

    public String label(String label) {
        return labels.get(label);
    }
}
