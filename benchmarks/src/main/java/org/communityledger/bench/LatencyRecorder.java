package org.communityledger.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies from many threads into one histogram, in microseconds up to a minute. */
final class LatencyRecorder {

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(1), 3);
    private Histogram total;

    void record(long nanos) {
        recorder.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(Math.max(nanos, 0)), TimeUnit.MINUTES.toMicros(1)));
    }

    synchronized Histogram histogram() {
        Histogram interval = recorder.getIntervalHistogram();
        if (total == null) {
            total = interval.copy();
        } else {
            total.add(interval);
        }
        return total;
    }

    /** "p50 7.1 ms, p95 …, p99 …, max …" */
    static String percentiles(Histogram histogram) {
        return String.format("p50 %s, p95 %s, p99 %s, max %s", ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()));
    }

    static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }
}
