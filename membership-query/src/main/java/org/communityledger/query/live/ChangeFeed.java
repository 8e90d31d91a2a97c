package org.communityledger.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.communityledger.query.web.TooManyStreamsException;
import org.communityledger.query.web.TooManyStreamsOfOnePrincipalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans every committed view change out to this instance's stream clients, whichever query instance applied
 * it. One reader thread follows the shared change log in commit order ({@link ChangeLog}): woken by
 * PostgreSQL's notification of a commit, soon again while a change waits behind an older transaction, and
 * at an idle interval in case a notification was lost with its connection. It queues each change to every
 * subscriber; sending happens on other threads, so a client never slows the feed. It also tells the
 * {@link FreshnessGate} of every change it reads, so that a read-your-writes query waiting for an event another
 * instance applied goes on without asking the database.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    /**
     * Stream clients cut off because they fell more than their buffer behind (they resume with Last-Event-ID).
     * Prometheus: ledger_stream_clients_fell_behind_total.
     */
    static final String CLIENTS_FELL_BEHIND = "ledger.stream.clients.fell.behind";
    /** Live streams open on this instance. Prometheus: ledger_stream_clients_open. */
    static final String CLIENTS_OPEN = "ledger.stream.clients.open";
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int READ_BATCH = 500;
    /** A change waiting behind a running transaction is looked at again this soon. */
    private static final Duration UNSETTLED_RECHECK = Duration.ofMillis(10);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(1);

    private final ChangeLog changeLog;
    private final ChangeNotifications notifications;
    private final FreshnessGate freshness;
    private final LiveProperties properties;
    private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Open streams by principal; changed only under {@link #lock} or when a subscriber leaves the set. */
    private final Map<String, Integer> streamsByPrincipal = new ConcurrentHashMap<>();
    private final ThreadPoolTaskExecutorBuilder executors;
    private final ThreadPoolTaskSchedulerBuilder schedulers;
    private final ApplicationEventPublisher events;
    /** Made at every start: a stopped context (a test framework pauses idle ones) may be started again. */
    private ThreadPoolTaskExecutor reader;
    private ThreadPoolTaskExecutor senders;
    private ThreadPoolTaskScheduler heartbeat;
    /** Guards where broadcasting stands and the order of what each subscriber is sent. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Counter clientsFellBehind;
    private volatile boolean running;
    private ChangeLog.End broadcast;

    ChangeFeed(ChangeLog changeLog, ChangeNotifications notifications, FreshnessGate freshness,
               LiveProperties properties, MeterRegistry meters, ThreadPoolTaskExecutorBuilder executors,
               ThreadPoolTaskSchedulerBuilder schedulers, ApplicationEventPublisher events) {
        this.executors = executors;
        this.events = events;
        this.schedulers = schedulers;
        this.changeLog = changeLog;
        this.notifications = notifications;
        this.freshness = freshness;
        this.properties = properties;
        this.clientsFellBehind = meters.counter(CLIENTS_FELL_BEHIND);
        Gauge.builder(CLIENTS_OPEN, subscribers, Set::size).description("live streams open on this instance")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        reader = started(executors.corePoolSize(1).maxPoolSize(1).threadNamePrefix("change-feed-").build());
        // As many senders as streams being written to at once, none kept idle for long: a cached pool.
        senders = started(executors.corePoolSize(0).maxPoolSize(Integer.MAX_VALUE).queueCapacity(0)
                .keepAlive(Duration.ofSeconds(60)).threadNamePrefix("stream-sender-").build());
        heartbeat = schedulers.poolSize(1).threadNamePrefix("stream-heartbeat-").build();
        heartbeat.setDaemon(true);
        heartbeat.initialize();
        broadcast = null;
        running = true;
        heartbeat.scheduleAtFixedRate(this::beat, Instant.now().plus(properties.heartbeat()), properties.heartbeat());
        reader.execute(this::follow);
    }

    @Override
    public synchronized void stop() {
        running = false;
        subscribers.forEach(StreamSubscriber::end);
        subscribers.clear();
        streamsByPrincipal.clear();
        heartbeat.shutdown();
        reader.shutdown();
        senders.shutdown();
        notifications.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Registers a stream client. A new client is told where the stream stands ({@code ready}); a returning
     * one ({@code lastEventPosition}) first gets what it missed from the change log, or {@code reset} when
     * that is no longer kept or more than its buffer. Broadcasting waits meanwhile, so nothing is sent
     * twice or skipped. Refused with {@link TooManyStreamsException} when every stream slot is taken, and with
     * {@link TooManyStreamsOfOnePrincipalException} when {@code principal} has its most streams open.
     *
     * @param wantsStats whether the client is also sent the figures across communities as they change
     */
    void subscribe(SseEmitter emitter, Long lastEventPosition, String principal, boolean wantsStats) {
        lock.lock();
        try {
            register(emitter, lastEventPosition, principal, wantsStats);
        } finally {
            lock.unlock();
        }
    }

    private void register(SseEmitter emitter, Long lastEventPosition, String principal, boolean wantsStats) {
        if (streamsByPrincipal.getOrDefault(principal, 0) >= properties.maxStreamsPerPrincipal()) {
            throw new TooManyStreamsOfOnePrincipalException(properties.maxStreamsPerPrincipal());
        }
        if (subscribers.size() >= properties.maxStreams()) {
            throw new TooManyStreamsException(properties.maxStreams());
        }
        ChangeLog.End live = broadcastEnd();
        StreamSubscriber[] holder = new StreamSubscriber[1];
        holder[0] = new StreamSubscriber(emitter, wantsStats, properties.subscriberBuffer(), senders,
                () -> leave(holder[0], principal), this::fellBehind);
        StreamSubscriber subscriber = holder[0];
        if (lastEventPosition == null) {
            subscriber.offer(StreamEvents.ready(live.position()));
        } else {
            Optional<ChangeCursor> resumeAfter = lastEventPosition == 0 ? Optional.of(ChangeCursor.START)
                    : changeLog.cursorAt(lastEventPosition);
            List<Change> missed = resumeAfter
                    .map(after -> changeLog.between(after, live.cursor(), properties.subscriberBuffer()))
                    .orElse(List.of());
            if (resumeAfter.isEmpty() || missed.size() >= properties.subscriberBuffer()) {
                subscriber.offer(StreamEvents.reset(lastEventPosition, live.position()));
            } else {
                missed.forEach(change -> subscriber.offer(StreamEvents.change(change)));
                // The client may come from an instance whose feed was ahead of this one: what it saw there
                // is not sent again.
                subscriber.skipThrough(resumeAfter.get());
            }
        }
        // Counted before it is added: a subscriber that ends in between finds itself not added and frees nothing.
        streamsByPrincipal.merge(principal, 1, Integer::sum);
        subscribers.add(subscriber);
        if (subscriber.isClosed()) {
            // It ended before it was added (its first send failed): it must not hold a slot for ever.
            leave(subscriber, principal);
        }
    }

    /** Frees a subscriber's slots, once however often it is told. */
    private void leave(StreamSubscriber subscriber, String principal) {
        if (subscribers.remove(subscriber)) {
            streamsByPrincipal.computeIfPresent(principal, (name, count) -> count == 1 ? null : count - 1);
        }
    }

    /** Where live broadcasting stands: a new client replays from its position up to here, then goes live. */
    private ChangeLog.End broadcastEnd() {
        if (broadcast == null) {
            broadcast = changeLog.settledEnd();
        }
        return broadcast;
    }

    private void follow() {
        while (running && !Thread.currentThread().isInterrupted()) {
            Duration wait = properties.feedIdlePoll();
            try {
                if (broadcastNewChanges()) {
                    wait = UNSETTLED_RECHECK;
                }
            } catch (DataAccessException e) {
                log.warn("Reading the change log failed ({}); trying again", e.getMessage());
                wait = FAILURE_BACKOFF;
            }
            notifications.await(wait);
        }
    }

    /** Whether a stream client asked for the figures across communities. */
    public boolean anyWantsStats() {
        return subscribers.stream().anyMatch(StreamSubscriber::wantsStats);
    }

    /**
     * Queues the figures across communities to every stream client that asked for them; never blocks. Each client
     * gets an event of its own: an event is built when it is sent, by that client's sender thread.
     */
    public void offerStats(Object figures) {
        subscribers.stream().filter(StreamSubscriber::wantsStats)
                .forEach(subscriber -> subscriber.offer(StreamEvents.stats(figures)));
    }

    /** Broadcasts every settled change after the last one; answers whether unsettled changes wait. */
    private boolean broadcastNewChanges() {
        ChangeLog.Batch batch;
        do {
            lock.lock();
            try {
                ChangeLog.End from = broadcastEnd();
                batch = changeLog.after(from.cursor(), READ_BATCH);
                if (batch.generation() != from.generation()) {
                    viewsReplaced();
                    return true;
                }
                for (Change change : batch.settled()) {
                    subscribers.forEach(subscriber -> subscriber.offerChange(change));
                    freshness.applied(change.position());
                    broadcast = new ChangeLog.End(change.cursor(), change.position(), from.generation());
                }
            } finally {
                lock.unlock();
            }
            if (!batch.settled().isEmpty()) {
                events.publishEvent(new ChangesBroadcast(batch.settled().stream().map(Change::type)
                        .collect(Collectors.toUnmodifiableSet())));
            }
        } while (batch.settled().size() == READ_BATCH);
        return batch.unsettled();
    }

    /**
     * A rebuild swapped the views, change log included, with its own numbering: broadcasting goes on from the
     * new log's end, and every client is told to reload (nothing it saw is wrong, but its views were rebuilt).
     */
    private void viewsReplaced() {
        broadcast = changeLog.settledEnd();
        long position = broadcast.position();
        subscribers.forEach(subscriber -> subscriber.offer(StreamEvents.rebuilt(position)));
        log.info("The views were rebuilt; stream clients were told to reload");
    }

    private void fellBehind() {
        clientsFellBehind.increment();
        log.warn("A stream client fell more than {} changes behind and was disconnected; it resumes with Last-Event-ID",
                properties.subscriberBuffer());
    }

    private void beat() {
        subscribers.forEach(subscriber -> subscriber.offer(SseEmitter.event().comment("heartbeat")));
    }

    /** Daemon threads: a feed left running must never keep a stopping JVM alive. */
    private static ThreadPoolTaskExecutor started(ThreadPoolTaskExecutor executor) {
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }
}
