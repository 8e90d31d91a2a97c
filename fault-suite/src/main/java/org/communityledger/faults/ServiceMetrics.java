package org.communityledger.faults;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a service's Prometheus endpoint, as an operator's scraper would. */
final class ServiceMetrics {

    /** One series: its name, its labels as written (or null) and its value, which may be NaN or infinite. */
    private static final Pattern SERIES = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))$",
            Pattern.MULTILINE);

    private ServiceMetrics() {
    }

    /** Everything one scrape answered. */
    record Scrape(String body) {

        /**
         * The first series of that name carrying the label, or 0 while it has not been counted yet.
         *
         * @param label a {@code name="value"} the series must carry, or "" for any
         */
        double value(String name, String label) {
            Matcher series = SERIES.matcher(body);
            while (series.find()) {
                if (series.group(1).equals(name)
                        && (label.isEmpty() || (series.group(2) != null && series.group(2).contains(label)))) {
                    return number(series.group(3));
                }
            }
            return 0;
        }

        /**
         * All series of that name added up (every partition, every reason), as Prometheus' {@code sum()} would;
         * NaN when there is none: a gauge the service does not export, or not yet, is not a zero.
         */
        double sum(String name) {
            Matcher series = SERIES.matcher(body);
            double sum = 0;
            boolean found = false;
            while (series.find()) {
                if (series.group(1).equals(name)) {
                    sum += number(series.group(3));
                    found = true;
                }
            }
            return found ? sum : Double.NaN;
        }

        private static double number(String text) {
            return switch (text) {
                case "Inf", "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }
    }

    static Scrape scrape(LedgerHttp admin) throws Exception {
        LedgerHttp.Answer metrics = admin.get("/actuator/prometheus", Duration.ofSeconds(10));
        if (metrics.status() != 200) {
            throw new IllegalStateException("the metrics endpoint answered " + metrics.status());
        }
        return new Scrape(metrics.body());
    }

    /**
     * The counter's value, or 0 while it has not been counted yet.
     *
     * @param label a {@code name="value"} the series must carry, or "" for any
     */
    static double counter(LedgerHttp admin, String name, String label) throws Exception {
        return scrape(admin).value(name, label);
    }

    /** Every series of the metric added up; NaN when the service exports none. */
    static double sum(LedgerHttp admin, String name) throws Exception {
        return scrape(admin).sum(name);
    }
}
