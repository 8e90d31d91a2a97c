package org.communityledger.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * P3: from a command's 2xx to the moment a dashboard's stream delivers the change, both timestamped by this
 * client (one clock). A subscriber reads {@code /api/stream} while paced commands run.
 */
final class LiveLatency {

    record Result(long commands, long seen, Histogram latency) {
    }

    private final String queryUrl;
    private final CommandLoad load;

    LiveLatency(String queryUrl, CommandLoad load) {
        this.queryUrl = queryUrl;
        this.load = load;
    }

    Result measure(int clients, double perSecond, Duration duration) throws Exception {
        Map<Long, Long> delivered = new ConcurrentHashMap<>();
        Map<Long, Long> answered = new ConcurrentHashMap<>();
        HttpResponse<InputStream> stream = new LedgerApi(queryUrl, "viewer").openStream("/api/stream");
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("the stream answered " + stream.statusCode());
        }
        Thread reader = new Thread(() -> read(stream.body(), delivered), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        load.run(clients, duration, perSecond, answered::put);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!delivered.keySet().containsAll(answered.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stream.body().close();
        LatencyRecorder latency = new LatencyRecorder();
        long seen = 0;
        for (Map.Entry<Long, Long> command : answered.entrySet()) {
            Long at = delivered.get(command.getKey());
            if (at != null) {
                // The change can arrive before the HTTP answer has been read: that is zero latency, not negative.
                latency.record(at - command.getValue());
                seen++;
            }
        }
        return new Result(answered.size(), seen, latency.histogram());
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
