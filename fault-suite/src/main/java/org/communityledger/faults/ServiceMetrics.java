package org.communityledger.faults;

import org.communityledger.client.metrics.MetricSample;
import org.communityledger.client.metrics.MetricsApi;
import org.communityledger.client.metrics.PrometheusMetrics;

/** Reads a service's Prometheus endpoint through the Java client, as an operator's scraper would. */
final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** Everything one scrape answered. */
    record Scrape(PrometheusMetrics metrics) {

        /**
         * The first series of that name carrying the label, or 0 while it has not been counted yet.
         *
         * @param label a {@code name="value"} the series must carry, or "" for any
         */
        double value(String name, String label) {
            String[] wanted = label.isEmpty() ? null : label.split("=", 2);
            for (MetricSample sample : metrics.samples(name)) {
                if (wanted == null || unquoted(wanted[1]).equals(sample.label(wanted[0]))) {
                    return sample.value();
                }
            }
            return 0;
        }

        /**
         * All series of that name added up (every partition, every reason), as Prometheus' {@code sum()} would;
         * NaN when there is none: a gauge the service does not export, or not yet, is not a zero.
         */
        double sum(String name) {
            return metrics.value(name).orElse(Double.NaN);
        }

        private static String unquoted(String value) {
            return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }
    }

    static Scrape scrape(MetricsApi service) {
        return new Scrape(service.metrics());
    }

    /**
     * The counter's value, or 0 while it has not been counted yet.
     *
     * @param label a {@code name="value"} the series must carry, or "" for any
     */
    static double counter(MetricsApi service, String name, String label) {
        return scrape(service).value(name, label);
    }

    /** Every series of the metric added up; NaN when the service exports none. */
    static double sum(MetricsApi service, String name) {
        return scrape(service).sum(name);
    }
}
