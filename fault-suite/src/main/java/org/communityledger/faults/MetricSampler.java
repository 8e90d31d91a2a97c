package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.communityledger.client.metrics.MetricsApi;

/**
 * Scrapes a few metrics of one service every second in the background, as Prometheus would, for the whole of
 * a scenario: what a gauge showed during an outage is only known if someone looked then. Each metric is the sum
 * of its series (all partitions); a scrape that failed, or a metric the service does not export, is NaN.
 */
final class MetricSampler implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(1);

    /** One scrape: when (System.nanoTime) and what each metric added up to. */
    record Sample(long atNanos, Map<String, Double> values) {

        double value(String metric) {
            return values.getOrDefault(metric, Double.NaN);
        }
    }

    private final MetricsApi service;
    private final List<String> metrics;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts sampling at once. */
    MetricSampler(MetricsApi service, List<String> metrics) {
        this.service = service;
        this.metrics = List.copyOf(metrics);
        this.thread = new Thread(this::sampleUntilClosed, "metric-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sampleUntilClosed() {
        while (running) {
            long at = System.nanoTime();
            Map<String, Double> values = new HashMap<>();
            try {
                ServiceMetrics.Scrape scrape = ServiceMetrics.scrape(service);
                metrics.forEach(metric -> values.put(metric, scrape.sum(metric)));
            } catch (Exception failed) {
                // A failed scrape is a gap, as in Prometheus: every metric NaN.
            }
            samples.add(new Sample(at, Map.copyOf(values)));
            Rest.sleep(Duration.ofNanos(Math.max(0, at + EVERY.toNanos() - System.nanoTime())));
        }
    }

    /** The samples taken from {@code fromNanos} (inclusive) to {@code toNanos} (exclusive), oldest first. */
    List<Sample> between(long fromNanos, long toNanos) {
        List<Sample> taken = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.atNanos() - fromNanos >= 0 && sample.atNanos() - toNanos < 0) {
                taken.add(sample);
            }
        }
        return taken;
    }

    /** The highest value the metric showed in those samples; NaN when none had a value. */
    static double max(List<Sample> samples, String metric) {
        return samples.stream().mapToDouble(sample -> sample.value(metric)).filter(value -> !Double.isNaN(value))
                .max().orElse(Double.NaN);
    }

    /** When the metric was first seen at 0 (or below) in those samples, or -1 when it never was. */
    static long firstAtZero(List<Sample> samples, String metric) {
        return samples.stream().filter(sample -> sample.value(metric) <= 0).mapToLong(Sample::atNanos).findFirst()
                .orElse(-1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(15).toMillis());
    }
}
