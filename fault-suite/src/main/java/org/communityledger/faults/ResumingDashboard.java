package org.communityledger.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.communityledger.client.stream.ResumingStream;
import org.communityledger.client.stream.ServerSentEvent;
import org.communityledger.client.stream.StreamApi;

/**
 * A dashboard's stream in a group of query instances: it follows one instance and, when that stream ends (the
 * instance died), reconnects to the next with the last id it saw, as a browser behind a load balancer would.
 * Counts how often each change (by position) arrived, so that a change missed or sent twice shows.
 */
final class ResumingDashboard implements ResumingStream.Handler, AutoCloseable {

    private final List<StreamApi> instances;
    private final int first;
    private final Map<Long, Integer> received = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private final List<String> resumedFrom = new CopyOnWriteArrayList<>();
    private ResumingStream stream;

    /** Starts on instance {@code first} of {@code instances} (viewers' streams). */
    ResumingDashboard(List<StreamApi> instances, int first) {
        this.instances = List.copyOf(instances);
        this.first = first;
    }

    ResumingDashboard start() throws InterruptedException {
        stream = ResumingStream.follow(instances, first, null, this);
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
    public boolean onEvent(ServerSentEvent event) {
        switch (event.event()) {
            case "ready" -> ready.countDown();
            case "change" -> received.merge(Long.parseLong(event.id()), 1, Integer::sum);
            case "reset" -> resets.incrementAndGet();
            default -> {
                // other kinds carry nothing this dashboard counts
            }
        }
        return true;
    }

    /** The instance is gone or not yet serving: the stream goes on with the next one. */
    @Override
    public Duration onEnd(ResumingStream.ConnectionEnd end) {
        reconnects.incrementAndGet();
        resumedFrom.add(String.valueOf(end.lastEventId()));
        return Duration.ofMillis(200);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
