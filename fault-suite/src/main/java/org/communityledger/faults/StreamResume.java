package org.communityledger.faults;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 9: a dashboard's stream drops in the middle of a burst and comes back with {@code Last-Event-ID}; it
 * must receive every change after its start, the missed ones included. Meanwhile another client holds a stream
 * open and never reads it: the projector must keep pace regardless.
 */
final class StreamResume implements Scenario {

    private static final int CHANGES_BEFORE_DROP = 150;
    private static final Duration OFFLINE = Duration.ofMillis(1500);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(10);

    @Override
    public String number() {
        return "9";
    }

    @Override
    public String title() {
        return "SSE: reconnect with Last-Event-ID mid-burst; a client that never reads";
    }

    @Override
    public Outcome run(Drill drill) throws Exception {
        String tag = Drill.tag(this);
        List<String> communities = drill.communities(tag, 4);
        List<String> observations = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        LedgerHttp viewer = drill.queryAs("viewer");
        HttpResponse<InputStream> stalled = drill.queryAs("viewer").stream("/api/stream", null);
        Dashboard dashboard = new Dashboard(viewer);
        Thread reader = new Thread(dashboard, "dashboard-stream");
        reader.setDaemon(true);
        reader.start();
        dashboard.awaitReady();
        RecordingLoad load = drill.load(tag, communities).start();
        long lastAckAt;
        try {
            Rest.sleep(drill.plan().before().plus(drill.plan().after()));
        } finally {
            load.finish(Duration.ofMinutes(3));
            lastAckAt = System.nanoTime();
        }
        // Every change of the burst must reach the resumed stream; how long that takes after the last command
        // shows whether the stalled client held the projector back.
        Set<Long> expected = new TreeSet<>();
        drill.store().of(communities).forEach(event -> {
            if (event.position() > dashboard.startedAfter) {
                expected.add(event.position());
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!dashboard.received.containsAll(expected) && System.nanoTime() < deadline) {
            Rest.sleep(Duration.ofMillis(100));
        }
        Duration catchUp = Duration.ofNanos(System.nanoTime() - lastAckAt);
        dashboard.stop();
        stalled.body().close();
        // The check below rebuilds the views, which rightly tells connected streams to reload: stopped before.
        Tally tally = drill.verify(communities, Drill.acks(load, null));
        Set<Long> missed = new TreeSet<>(expected);
        missed.removeAll(dashboard.received);
        observations.add("stream dropped after " + dashboard.changesBeforeDrop + " changes, resumed from "
                + dashboard.resumedFrom + "; " + expected.size() + " changes expected, " + missed.size() + " missed");
        observations.add("the resumed stream had every change " + catchUp.toMillis()
                + " ms after the last command, with a stalled stream open beside it");
        observations.addAll(load.observations());
        if (!missed.isEmpty()) {
            findings.add("the resumed stream missed " + missed.size() + " changes, e.g. position " + missed.iterator().next());
        }
        if (dashboard.resets > 0) {
            findings.add("the stream told the dashboard to reload " + dashboard.resets + " times");
        }
        if (dashboard.changesBeforeDrop < CHANGES_BEFORE_DROP) {
            findings.add("the stream never reached " + CHANGES_BEFORE_DROP + " changes before the planned drop");
        }
        if (catchUp.compareTo(CATCH_UP_LIMIT) > 0) {
            findings.add("with a stalled stream open the changes needed " + catchUp.toMillis() + " ms to arrive");
        }
        findings.addAll(load.findings());
        return Outcome.of(this, tally, null, observations, findings);
    }

    /** A dashboard's stream: drops once after some changes, then resumes with the last id it saw. */
    private static final class Dashboard implements Runnable {

        private final LedgerHttp viewer;
        private final Set<Long> received = new ConcurrentSkipListSet<>();
        private final CountDownLatch ready = new CountDownLatch(1);
        private volatile boolean running = true;
        private volatile long startedAfter = Long.MAX_VALUE;
        private volatile long changesBeforeDrop;
        private volatile long resumedFrom = -1;
        private volatile int resets;
        private volatile InputStream current;

        Dashboard(LedgerHttp viewer) {
            this.viewer = viewer;
        }

        void awaitReady() throws InterruptedException {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the stream sent no ready event within 30 s");
            }
        }

        void stop() {
            running = false;
            try {
                InputStream stream = current;
                if (stream != null) {
                    stream.close();
                }
            } catch (Exception e) {
                // closing is all that is wanted
            }
        }

        @Override
        public void run() {
            String lastId = null;
            boolean dropped = false;
            while (running) {
                try {
                    HttpResponse<InputStream> response = viewer.stream("/api/stream", lastId);
                    current = response.body();
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(current, StandardCharsets.UTF_8))) {
                        String id = null;
                        String name = null;
                        long changes = 0;
                        for (String line = lines.readLine(); line != null && running; line = lines.readLine()) {
                            if (line.startsWith("id:")) {
                                id = line.substring(3).trim();
                            } else if (line.startsWith("event:")) {
                                name = line.substring(6).trim();
                            } else if (line.isEmpty() && id != null) {
                                long position = Long.parseLong(id);
                                if ("ready".equals(name) && startedAfter == Long.MAX_VALUE) {
                                    startedAfter = position;
                                    ready.countDown();
                                } else if ("change".equals(name)) {
                                    received.add(position);
                                    changes++;
                                } else if ("reset".equals(name)) {
                                    resets++;
                                }
                                lastId = id;
                                id = null;
                                name = null;
                                if (!dropped && changes >= CHANGES_BEFORE_DROP) {
                                    break;
                                }
                            }
                        }
                        if (!dropped && changes >= CHANGES_BEFORE_DROP) {
                            dropped = true;
                            changesBeforeDrop = changes;
                            resumedFrom = Long.parseLong(lastId);
                        }
                    }
                    // Offline for a while, as a dashboard on a flaky network; the burst goes on meanwhile.
                    Rest.sleep(OFFLINE);
                } catch (Exception e) {
                    if (running) {
                        Rest.sleep(Duration.ofMillis(500));
                    }
                }
            }
        }
    }
}
