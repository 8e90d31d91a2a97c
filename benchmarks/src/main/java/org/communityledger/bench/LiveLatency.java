package org.communityledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.stream.ResumingStream;
import org.communityledger.client.stream.ServerSentEvent;
import org.communityledger.client.stream.StreamApi;

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
        StreamApi viewer = LedgerClients.query(queryUrl, Credentials.basic("viewer", "viewer")).stream();
        CountDownLatch ready = new CountDownLatch(1);
        // One connection, not resumed: a change that came only after a reconnection would not be live.
        ResumingStream stream = ResumingStream.follow(viewer, new ResumingStream.Handler() {
            @Override
            public boolean onEvent(ServerSentEvent event) {
                if ("change".equals(event.event())) {
                    delivered.putIfAbsent(Long.parseLong(event.id()), System.nanoTime());
                } else if ("ready".equals(event.event())) {
                    ready.countDown();
                }
                return true;
            }

            @Override
            public Duration onEnd(ResumingStream.ConnectionEnd end) {
                return null;
            }
        });
        // Commands sent before the stream is subscribed would be missed, not late.
        if (!ready.await(30, TimeUnit.SECONDS)) {
            stream.close();
            throw new IllegalStateException("the stream sent no ready event within 30 s");
        }
        load.run(clients, duration, perSecond, (position, at) -> answered.add(new long[] {position, at}));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!allDelivered(answered, delivered) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stream.close();
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
}
