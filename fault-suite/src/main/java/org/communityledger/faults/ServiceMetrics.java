package org.communityledger.faults;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one counter from a service's Prometheus endpoint, as an operator's scraper would. */
final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /**
     * The counter's value, or 0 while it has not been counted yet.
     *
     * @param label a {@code name="value"} the series must carry, or "" for any
     */
    static double counter(LedgerHttp admin, String name, String label) throws Exception {
        LedgerHttp.Answer metrics = admin.get("/actuator/prometheus", Duration.ofSeconds(10));
        if (metrics.status() != 200) {
            throw new IllegalStateException("the metrics endpoint answered " + metrics.status());
        }
        Matcher series = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+([0-9.eE+]+)$", Pattern.MULTILINE)
                .matcher(metrics.body());
        while (series.find()) {
            if (label.isEmpty() || (series.group(1) != null && series.group(1).contains(label))) {
                return Double.parseDouble(series.group(2));
            }
        }
        return 0;
    }
}
