package org.communityledger.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * P3: from a command's 2xx to the moment a dashboard's stream delivers the change, both timestamped by this
 * client (one clock). A subscriber reads {@code /api/stream} while paced commands run.
 *
 * <p>Every accepted command counts. A change still not delivered {@link #WAIT} after the load ended is
 * recorded at {@link #UNSEEN_MICROS} (the top of the latency scale), so unseen changes push the percentiles up
 * instead of leaving the sample; and the target is only met when every change was seen.
 */
final class LiveLatency {

    /** How long the stream is given, after the last command, to deliver what it has not yet delivered. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** What an unseen change counts as: the top of {@link LatencyRecorder}'s scale (one minute). */
    static final long UNSEEN_MICROS = TimeUnit.MINUTES.toMicros(1);

    record Result(long commands, long seen, Histogram latency) {

        long unseen() {
            return commands - seen;
        }

        /** P3's target, met only when every accepted command's change was seen and the percentiles hold. */
        boolean met() {
            return commands > 0 && seen == commands && latency.getValueAtPercentile(50) <= 50_000
                    && latency.getValueAtPercentile(99) <= 250_000;
        }

        String detail() {
            return LatencyRecorder.percentiles(latency) + String.format("; %d of %d changes seen", seen, commands)
                    + (unseen() == 0 ? "" : String.format(" (%d not seen within %d s of the last command, counted "
                    + "at %d s in the percentiles)", unseen(), WAIT.toSeconds(), UNSEEN_MICROS / 1_000_000));
        }
    }

    private final String queryUrl;
    private final CommandLoad load;

    LiveLatency(String queryUrl, CommandLoad load) {
        this.queryUrl = queryUrl;
        this.load = load;
    }

    Result measure(int clients, double perSecond, Duration duration) throws Exception {
        Map<Long, Long> delivered = new ConcurrentHashMap<>();
        Queue<long[]> answered = new ConcurrentLinkedQueue<>();
        HttpResponse<InputStream> stream = new LedgerApi(queryUrl, "viewer").openStream("/api/stream");
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("the stream answered " + stream.statusCode());
        }
        Thread reader = new Thread(() -> read(stream.body(), delivered), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        load.run(clients, duration, perSecond, (position, at) -> answered.add(new long[] {position, at}));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!allDelivered(answered, delivered) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stream.body().close();
        return result(new ArrayList<>(answered), delivered);
    }

    /**
     * The figure from what was answered (position, answered at) and what the stream delivered (position →
     * delivered at). An answer without a position (-1) cannot be matched and counts as unseen.
     */
    static Result result(List<long[]> answered, Map<Long, Long> delivered) {
        LatencyRecorder latency = new LatencyRecorder();
        long seen = 0;
        for (long[] command : answered) {
            Long at = command[0] < 0 ? null : delivered.get(command[0]);
            if (at != null) {
                // The change can arrive before the HTTP answer has been read: that is zero latency, not negative.
                latency.record(at - command[1]);
                seen++;
            } else {
                latency.record(TimeUnit.MICROSECONDS.toNanos(UNSEEN_MICROS));
            }
        }
        return new Result(answered.size(), seen, latency.histogram());
    }

    private static boolean allDelivered(Queue<long[]> answered, Map<Long, Long> delivered) {
        for (long[] command : answered) {
            if (!delivered.containsKey(command[0])) {
                return false;
            }
        }
        return true;
    }

    private static void read(InputStream body, Map<Long, Long> delivered) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    delivered.putIfAbsent(Long.parseLong(line.substring(3).trim()), System.nanoTime());
                }
            }
        } catch (Exception e) {
            // closed at the end of the measurement
        }
    }
}
