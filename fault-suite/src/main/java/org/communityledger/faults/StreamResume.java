package org.communityledger.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.communityledger.client.Credentials;
import org.communityledger.client.metrics.MetricsApi;
import org.communityledger.client.stream.ResumingStream;
import org.communityledger.client.stream.ServerSentEvent;
import org.communityledger.client.stream.StreamApi;

/**
 * Scenario 9: a dashboard's stream drops in the middle of a burst and comes back with {@code Last-Event-ID}; it
 * must receive every change of the burst, the missed ones included. Beside it a client opens a stream and never
 * reads it: the burst goes on until that client has filled every buffer on its way and the service has cut it
 * off (its metric says so), and the dashboard must have kept pace all along.
 *
 * <p>Both streams are open before the scenario's communities exist, so every event of those communities is one
 * the dashboard must receive. (A boundary drawn by position instead would be wrong: the stream follows the order
 * in which the views applied the events, which differs from position order across communities.)
 */
final class StreamResume extends Scenario {

    private static final int CHANGES_BEFORE_DROP = 150;
    private static final Duration OFFLINE = Duration.ofMillis(1500);
    /** Longest a change may take from the views to the dashboard, the planned time offline included. */
    private static final Duration DELAY_LIMIT = Duration.ofSeconds(10);
    /**
     * Enough clients, without rest, for the silent stream's megabytes of socket buffers and its queue of 1,000
     * changes to fill within a minute or so.
     */
    private static final int CLIENTS = 6;
    private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(150);
    /** The burst goes on this long after the cut-off: the dashboard must keep pace after it as well. */
    private static final Duration AFTER_CUT_OFF = Duration.ofSeconds(5);
    private static final String FELL_BEHIND = "ledger_stream_clients_fell_behind_total";

    StreamResume() {
        super("9", "SSE: reconnect with Last-Event-ID mid-burst; a client that never reads");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        String tag = Drill.tag(this);
        List<String> observations = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        MetricsApi operator = drill.queryAs("admin").metrics();
        double cutOffBefore = ServiceMetrics.counter(operator, FELL_BEHIND, "");
        Dashboard dashboard = new Dashboard(drill.queryAs("viewer").stream());
        List<String> communities;
        RecordingLoad load;
        Duration cutOffAfter = null;
        Set<Long> expected = new TreeSet<>();
        Duration catchUp;
        // The silent stream stays open until the dashboard has been checked: closing it would free whatever
        // its stalled writes hold.
        try (Socket silent = silentStream(drill.system().queryUrl(), Drill.account("viewer"))) {
            dashboard.start();
            communities = drill.communities(tag, 4);
            load = new RecordingLoad(drill.system().commandUrl(), communities, tag, CLIENTS, Duration.ZERO)
                    .withLongNames().start();
            long startedAt = System.nanoTime();
            long lastAckAt;
            try {
                while (cutOffAfter == null && System.nanoTime() - startedAt < CUT_OFF_WITHIN.toNanos()) {
                    Rest.sleep(Duration.ofMillis(500));
                    if (ServiceMetrics.counter(operator, FELL_BEHIND, "") > cutOffBefore) {
                        cutOffAfter = Duration.ofNanos(System.nanoTime() - startedAt);
                    }
                }
                Rest.sleep(AFTER_CUT_OFF);
            } finally {
                load.finish(Duration.ofMinutes(3));
                lastAckAt = System.nanoTime();
            }
            drill.store().of(communities).forEach(event -> expected.add(event.position()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!dashboard.received.containsAll(expected) && System.nanoTime() < deadline) {
                Rest.sleep(Duration.ofMillis(100));
            }
            catchUp = Duration.ofNanos(System.nanoTime() - lastAckAt);
            dashboard.stop();
        }
        double cutOff = ServiceMetrics.counter(operator, FELL_BEHIND, "") - cutOffBefore;
        // The check below rebuilds the views, which rightly tells connected streams to reload: stopped before.
        Tally tally = drill.verify(communities, Drill.acks(load, null));
        Set<Long> missed = new TreeSet<>(expected);
        missed.removeAll(dashboard.received);
        observations.add("stream dropped after " + dashboard.changesBeforeDrop + " changes, resumed from "
                + dashboard.resumedFrom + "; " + expected.size() + " changes expected, " + missed.size() + " missed");
        observations.add("silent stream cut off " + (cutOffAfter == null ? "never" : "after " + cutOffAfter.toMillis()
                + " ms of burst") + " (clients cut off: " + (long) cutOff + "); the slowest change took "
                + dashboard.slowest.toMillis() + " ms from the views to the dashboard; the dashboard had every change "
                + catchUp.toMillis() + " ms after the last command");
        observations.addAll(load.observations());
        if (!missed.isEmpty()) {
            findings.add("the resumed stream missed " + missed.size() + " changes, e.g. position " + missed.iterator().next());
        }
        if (dashboard.resets > 0) {
            findings.add("the stream told the dashboard to reload " + dashboard.resets + " times");
        }
        if (dashboard.unplannedEnds > 0) {
            findings.add("the dashboard's stream ended " + dashboard.unplannedEnds + " times without being asked to");
        }
        if (dashboard.changesBeforeDrop < CHANGES_BEFORE_DROP) {
            findings.add("the stream never reached " + CHANGES_BEFORE_DROP + " changes before the planned drop");
        }
        if (cutOffAfter == null) {
            findings.add("the silent stream was not cut off within " + CUT_OFF_WITHIN.toSeconds()
                    + " s of burst, so a full buffer was never tried");
        } else if (cutOff != 1) {
            findings.add((long) cutOff + " stream clients were cut off for falling behind; only the silent one should be");
        }
        if (dashboard.slowest.compareTo(DELAY_LIMIT) > 0) {
            findings.add("with a silent stream open a change needed " + dashboard.slowest.toMillis()
                    + " ms to reach the dashboard");
        }
        if (catchUp.compareTo(DELAY_LIMIT) > 0) {
            findings.add("the dashboard had every change only " + catchUp.toMillis() + " ms after the last command");
        }
        findings.addAll(load.findings());
        return Outcome.of(this, tally, null, observations, findings);
    }

    /**
     * A stream request on a connection that is then never read, with a receive buffer as small as the system
     * allows: what the server sends piles up in its own buffers, as for a dashboard whose machine froze. A raw
     * socket, since no HTTP client offers to leave an answer unread.
     */
    private static Socket silentStream(String queryUrl, Credentials viewer) throws IOException {
        URI uri = URI.create(queryUrl + "/api/stream");
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\nAuthorization: " + viewer.authorization().orElseThrow()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * A dashboard's stream: drops once after some changes, then resumes with the last id it saw. Notes when each
     * change reaches it, against the time the views applied it.
     */
    private static final class Dashboard implements ResumingStream.Handler {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final StreamApi viewer;
        private final Set<Long> received = new ConcurrentSkipListSet<>();
        private final CountDownLatch ready = new CountDownLatch(1);
        private volatile long changesBeforeDrop;
        private volatile long resumedFrom = -1;
        private volatile int resets;
        private volatile int unplannedEnds;
        private volatile Duration slowest = Duration.ZERO;
        private ResumingStream stream;
        private boolean dropped;
        private long changesOnThisConnection;

        Dashboard(StreamApi viewer) {
            this.viewer = viewer;
        }

        void start() throws InterruptedException {
            stream = ResumingStream.follow(viewer, this);
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the stream sent no ready event within 30 s");
            }
        }

        void stop() {
            stream.close();
        }

        /** Notes one event; answers false to drop the connection, once, after enough changes. */
        @Override
        public boolean onEvent(ServerSentEvent event) {
            switch (event.event()) {
                case "ready" -> ready.countDown();
                case "change" -> {
                    received.add(Long.parseLong(event.id()));
                    noteDelay(event.data());
                    changesOnThisConnection++;
                }
                case "reset" -> resets++;
                default -> {
                    // other kinds carry nothing this dashboard counts
                }
            }
            return dropped || changesOnThisConnection < CHANGES_BEFORE_DROP;
        }

        /**
         * The planned drop: offline for a while, as a dashboard on a flaky network, while the burst goes on.
         * Any other end was not asked for.
         */
        @Override
        public Duration onEnd(ResumingStream.ConnectionEnd end) {
            long changes = changesOnThisConnection;
            changesOnThisConnection = 0;
            if (!dropped && changes >= CHANGES_BEFORE_DROP) {
                dropped = true;
                changesBeforeDrop = changes;
                resumedFrom = Long.parseLong(end.lastEventId());
                return OFFLINE;
            }
            unplannedEnds++;
            return end.failure() == null ? Duration.ZERO : Duration.ofMillis(500);
        }

        /** The change's {@code appliedAt}: when the views applied it. */
        private void noteDelay(String data) {
            try {
                String appliedAt = JSON.readTree(data).path("appliedAt").asText("");
                if (!appliedAt.isEmpty()) {
                    Duration delay = Duration.between(Instant.parse(appliedAt), Instant.now());
                    if (delay.compareTo(slowest) > 0) {
                        slowest = delay;
                    }
                }
            } catch (JsonProcessingException unreadable) {
                // a change the dashboard cannot read has no delay to note; the missed-change check still counts it
            }
        }
    }
}
