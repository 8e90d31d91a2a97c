package org.communityledger.query.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
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

    StreamSubscriber(SseEmitter emitter, int buffer, Executor sender, Runnable onClose) {
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(buffer);
        this.sender = sender;
        this.onClose = onClose;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    /** Queues an event; never blocks. */
    void offer(SseEmitter.SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        if (!queue.offer(event)) {
            close();
            emitter.complete();
            return;
        }
        if (sending.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
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

    private void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.run();
        }
    }
}
