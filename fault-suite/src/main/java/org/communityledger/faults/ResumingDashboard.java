package org.communityledger.faults;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dashboard's stream in a group of query instances: it follows one instance and, when that stream ends (the
 * instance died), reconnects to the next with the last id it saw, as a browser behind a load balancer would.
 * Counts how often each change (by position) arrived, so that a change missed or sent twice shows.
 */
final class ResumingDashboard implements Runnable, AutoCloseable {

    private final List<LedgerHttp> instances;
    private final Map<Long, Integer> received = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private final List<String> resumedFrom = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile InputStream current;
    private int instance;
    /** The last id received; kept across connections, since a killed instance ends its stream with an error. */
    private String lastId;

    /** Starts on instance {@code first} of {@code instances} (viewers' clients). */
    ResumingDashboard(List<LedgerHttp> instances, int first) {
        this.instances = List.copyOf(instances);
        this.instance = first;
        this.thread = new Thread(this, "dashboard-" + first);
        this.thread.setDaemon(true);
    }

    ResumingDashboard start() throws InterruptedException {
        thread.start();
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stream sent no ready event within 30 s");
        }
        return this;
    }

    /** How often each change arrived, by its position. */
    Map<Long, Integer> received() {
        return Map.copyOf(received);
    }

    int reconnects() {
        return reconnects.get();
    }

    int resets() {
        return resets.get();
    }

    /** The ids it sent as Last-Event-ID when it reconnected, in order. */
    List<String> resumedFrom() {
        return List.copyOf(resumedFrom);
    }

    @Override
    public void run() {
        while (running) {
            try {
                HttpResponse<InputStream> response = instances.get(instance).stream("/api/stream", lastId);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the stream answered " + response.statusCode());
                }
                current = response.body();
                SseEvents.read(current, this::handle);
            } catch (Exception e) {
                // The instance is gone or not yet serving: the next one is tried below.
            }
            if (running) {
                reconnects.incrementAndGet();
                resumedFrom.add(String.valueOf(lastId));
                instance = (instance + 1) % instances.size();
                Rest.sleep(Duration.ofMillis(200));
            }
        }
    }

    /** Notes one event, keeping its id for a reconnection; answers whether to go on reading. */
    private boolean handle(SseEvents.Event event) {
        if ("ready".equals(event.name())) {
            ready.countDown();
        } else if ("change".equals(event.name())) {
            received.merge(Long.parseLong(event.id()), 1, Integer::sum);
        } else if ("reset".equals(event.name())) {
            resets.incrementAndGet();
        }
        lastId = event.id();
        return running;
    }

    @Override
    public void close() {
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
}
