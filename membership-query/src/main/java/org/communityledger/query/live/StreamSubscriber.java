package org.communityledger.query.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One stream client. Changes are queued without blocking the feed and written to the client by a sender
 * task; a client whose queue overflows is disconnected, so it never slows anyone down, and resumes from
 * the change log when its browser reconnects with Last-Event-ID.
 */
final class StreamSubscriber {

    private final SseEmitter emitter;
    private final BlockingQueue<SseEmitter.SseEventBuilder> queue;
    private final Executor sender;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;
    private final Runnable onFellBehind;
    /** Whether the client asked for the figures across communities as they change ({@code stats} events). */
    private final boolean wantsStats;
    /** Changes up to here were sent already (on another instance, before the client resumed here). */
    private volatile ChangeCursor sentThrough = ChangeCursor.START;

    /**
     * @param onClose      runs once when the stream ends, for whatever reason
     * @param onFellBehind runs once when the client is cut off because its queue overflowed
     */
    StreamSubscriber(SseEmitter emitter, boolean wantsStats, int buffer, Executor sender, Runnable onClose,
                     Runnable onFellBehind) {
        this.emitter = emitter;
        this.wantsStats = wantsStats;
        this.queue = new ArrayBlockingQueue<>(buffer);
        this.sender = sender;
        this.onClose = onClose;
        this.onFellBehind = onFellBehind;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    /** Changes up to {@code cursor} are not sent to this client again. */
    void skipThrough(ChangeCursor cursor) {
        sentThrough = cursor;
    }

    /** Queues a change unless the client has had it; never blocks. */
    void offerChange(Change change) {
        if (change.cursor().isAfter(sentThrough)) {
            offer(StreamEvents.change(change));
        }
    }

    /** Queues an event; never blocks. */
    void offer(SseEmitter.SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        if (!queue.offer(event)) {
            cutOff();
            return;
        }
        if (sending.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    /** Ends the stream now, on the calling thread: the service is stopping. */
    void end() {
        if (close()) {
            complete();
        }
    }

    boolean wantsStats() {
        return wantsStats;
    }

    boolean isClosed() {
        return closed.get();
    }

    private void drain() {
        try {
            SseEmitter.SseEventBuilder next;
            while (!closed.get() && (next = queue.poll()) != null) {
                emitter.send(next);
            }
        } catch (IOException | IllegalStateException e) {
            close();
        } finally {
            sending.set(false);
            if (!queue.isEmpty() && !closed.get() && sending.compareAndSet(false, true)) {
                sender.execute(this::drain);
            }
        }
    }

    /**
     * Ends the stream of a client that fell too far behind, without waiting for it. Its sender is most likely
     * blocked writing to it, holding the emitter's lock until the write times out, and completing the emitter
     * needs that lock: done here, it would hold up the feed, and so every other client, for as long.
     */
    private void cutOff() {
        if (!close()) {
            return;
        }
        onFellBehind.run();
        try {
            sender.execute(this::complete);
        } catch (RejectedExecutionException shuttingDown) {
            // The service is stopping and closes every connection itself.
        }
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // The connection failed meanwhile; there is nothing left to end.
        }
    }

    /** Answers whether this call closed the stream (false when it was closed already). */
    private boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        onClose.run();
        return true;
    }
}
