package org.communityledger.client.stream;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Follows the stream across lost connections, as a browser's {@code EventSource} does: when a connection ends,
 * it waits, then reconnects with {@code Last-Event-ID} set to the last id it saw, so no change is missed. Given
 * several query instances, each reconnection goes to the next one, as behind a load balancer whose instance
 * died. Reads on a daemon thread of its own until {@link #close()}.
 */
public final class ResumingStream implements AutoCloseable {

    /** What to do with the events, and whether and when to resume. */
    public interface Handler {

        /** One event; answers false to end this connection (the stream then resumes as after a loss). */
        boolean onEvent(ServerSentEvent event);

        /** A connection ended; answers how long to wait before resuming, or null to stop following. */
        default Duration onEnd(ConnectionEnd end) {
            return Duration.ofMillis(200);
        }
    }

    /**
     * How a connection ended.
     *
     * @param instance    the index of the instance it was open to
     * @param lastEventId the id the next connection resumes from, null if none was seen yet
     * @param failure     what broke it (the connection, or a refusal such as a 429 problem); null when the
     *                    service closed it or the handler asked to end it
     */
    public record ConnectionEnd(int instance, String lastEventId, Exception failure) {
    }

    private final List<StreamApi> instances;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile InputStream current;
    private volatile String lastEventId;
    private int instance;

    private ResumingStream(List<StreamApi> instances, int first, String lastEventId, Handler handler, String name) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no stream to follow");
        }
        this.instances = List.copyOf(instances);
        this.instance = Math.floorMod(first, instances.size());
        this.lastEventId = lastEventId;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.thread = new Thread(this::follow, name);
        this.thread.setDaemon(true);
    }

    /** Follows one service's stream from now on. */
    public static ResumingStream follow(StreamApi stream, Handler handler) {
        return follow(List.of(stream), 0, null, handler);
    }

    /**
     * Follows the stream of a group of instances, starting on {@code first}, after {@code lastEventId} (null
     * for from now on).
     */
    public static ResumingStream follow(List<StreamApi> instances, int first, String lastEventId, Handler handler) {
        ResumingStream stream = new ResumingStream(instances, first, lastEventId, handler, "ledger-stream-" + first);
        stream.thread.start();
        return stream;
    }

    /** The id the next connection would resume from. */
    public String lastEventId() {
        return lastEventId;
    }

    private void follow() {
        while (running) {
            Exception failure = null;
            try {
                InputStream body = instances.get(instance).open(lastEventId);
                current = body;
                if (!running) {
                    body.close();
                    return;
                }
                lastEventId = ServerSentEvents.read(body, lastEventId, event -> {
                    lastEventId = event.id();
                    return handler.onEvent(event) && running;
                });
            } catch (Exception e) {
                failure = e;
            }
            if (!running) {
                return;
            }
            Duration pause = handler.onEnd(new ConnectionEnd(instance, lastEventId, failure));
            if (pause == null) {
                return;
            }
            instance = (instance + 1) % instances.size();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops following and closes the open connection; returns once the reading thread has ended. */
    @Override
    public void close() {
        running = false;
        InputStream body = current;
        if (body != null) {
            try {
                body.close();
            } catch (Exception e) {
                // closing is all that is wanted
            }
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
