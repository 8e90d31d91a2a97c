package org.communityledger.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.communityledger.query.projection.ViewsChanged;
import org.communityledger.query.rebuild.ViewsReplaced;
import org.communityledger.query.rebuild.ViewsSwitching;
import org.communityledger.query.web.TooManyStreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans committed view changes out to every stream client. After a projector transaction commits, one
 * reader thread fetches the new rows of the change log (several commits coalesce into one read) and
 * queues them to each subscriber; sending happens on other threads, so a client never slows the projector.
 */
@Component
class ChangeFeed implements DisposableBean {

    /**
     * Stream clients cut off because they fell more than their buffer behind (they resume with Last-Event-ID).
     * Prometheus: ledger_stream_clients_fell_behind_total.
     */
    static final String CLIENTS_FELL_BEHIND = "ledger.stream.clients.fell.behind";
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int READ_BATCH = 500;

    private final ChangeLog changeLog;
    private final LiveProperties properties;
    private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(named("change-feed"));
    private final ExecutorService senders = Executors.newCachedThreadPool(named("stream-sender"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(named("stream-heartbeat"));
    private final AtomicBoolean readPending = new AtomicBoolean();
    /** Guards broadcastUpTo and the order of what each subscriber is sent; held across a rebuild's swap. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Counter clientsFellBehind;
    private volatile long broadcastUpTo = -1;

    ChangeFeed(ChangeLog changeLog, LiveProperties properties, MeterRegistry meters) {
        this.changeLog = changeLog;
        this.properties = properties;
        this.clientsFellBehind = meters.counter(CLIENTS_FELL_BEHIND);
        long interval = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener
    void viewsChanged(ViewsChanged changed) {
        if (readPending.compareAndSet(false, true)) {
            reader.execute(this::broadcastNewChanges);
        }
    }

    /**
     * After a rebuild the change log is a new table with its own numbering: broadcasting continues from its
     * end, and every client is told to reload (nothing it saw is wrong, but its views were rebuilt).
     */
    @EventListener
    void viewsSwitching(ViewsSwitching switching) {
        lock.lock();
    }

    @EventListener
    void viewsReplaced(ViewsReplaced replaced) {
        try {
            if (replaced.switched()) {
                broadcastUpTo = changeLog.latestChangeId();
                long position = changeLog.positionOf(broadcastUpTo);
                subscribers.forEach(subscriber -> subscriber.offer(StreamEvents.rebuilt(position)));
            }
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /**
     * Registers a stream client. A new client is told where the stream stands ({@code ready}); a returning
     * one ({@code lastEventPosition}) first gets what it missed from the change log, or {@code reset} when
     * that is no longer kept or more than its buffer. Broadcasting waits meanwhile, so nothing is sent
     * twice or skipped. Refused with {@link TooManyStreamsException} when every stream slot is taken.
     */
    void subscribe(SseEmitter emitter, Long lastEventPosition) {
        lock.lock();
        try {
            register(emitter, lastEventPosition);
        } finally {
            lock.unlock();
        }
    }

    private void register(SseEmitter emitter, Long lastEventPosition) {
        if (subscribers.size() >= properties.maxStreams()) {
            throw new TooManyStreamsException(properties.maxStreams());
        }
        StreamSubscriber[] holder = new StreamSubscriber[1];
        holder[0] = new StreamSubscriber(emitter, properties.subscriberBuffer(), senders,
                () -> subscribers.remove(holder[0]), this::fellBehind);
        StreamSubscriber subscriber = holder[0];
        long upTo = broadcastUpTo();
        long livePosition = changeLog.positionOf(upTo);
        if (lastEventPosition == null) {
            subscriber.offer(StreamEvents.ready(livePosition));
        } else {
            OptionalLong resumeAfter = lastEventPosition == 0 ? OptionalLong.of(0)
                    : changeLog.changeIdAt(lastEventPosition);
            List<Change> missed = resumeAfter.isPresent()
                    ? changeLog.between(resumeAfter.getAsLong(), upTo, properties.subscriberBuffer())
                    : List.of();
            if (resumeAfter.isEmpty() || missed.size() >= properties.subscriberBuffer()) {
                subscriber.offer(StreamEvents.reset(lastEventPosition, livePosition));
            } else {
                missed.forEach(change -> subscriber.offer(StreamEvents.change(change)));
            }
        }
        subscribers.add(subscriber);
    }

    /** Where live broadcasting stands: a new client replays from its position up to here, then goes live. */
    private long broadcastUpTo() {
        if (broadcastUpTo < 0) {
            broadcastUpTo = changeLog.latestChangeId();
        }
        return broadcastUpTo;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void broadcastNewChanges() {
        readPending.set(false);
        List<Change> changes;
        do {
            lock.lock();
            try {
                changes = changeLog.after(broadcastUpTo(), READ_BATCH);
                for (Change change : changes) {
                    // A builder per subscriber: SseEmitter mutates the builder it sends.
                    subscribers.forEach(subscriber -> subscriber.offer(StreamEvents.change(change)));
                    broadcastUpTo = change.changeId();
                }
            } finally {
                lock.unlock();
            }
        } while (changes.size() == READ_BATCH);
    }

    private void fellBehind() {
        clientsFellBehind.increment();
        log.warn("A stream client fell more than {} changes behind and was disconnected; it resumes with Last-Event-ID",
                properties.subscriberBuffer());
    }

    private void beat() {
        subscribers.forEach(subscriber -> subscriber.offer(SseEmitter.event().comment("heartbeat")));
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        reader.shutdownNow();
        senders.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
