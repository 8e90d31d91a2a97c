package org.communityledger.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A client that stops reading: the feed offering it changes must never wait for it. */
class StreamSubscriberTest {

    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final StalledEmitter emitter = new StalledEmitter();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger fellBehind = new AtomicInteger();

    @AfterEach
    void release() {
        emitter.release.countDown();
        senders.shutdownNow();
    }

    @Test
    void a_client_stuck_in_a_write_is_cut_off_without_holding_up_the_feed() throws Exception {
        StreamSubscriber subscriber = new StreamSubscriber(emitter, false, 3, senders, closed::incrementAndGet,
                fellBehind::incrementAndGet);
        subscriber.offer(event(1));
        assertThat(emitter.writing.await(5, TimeUnit.SECONDS)).as("the first write is under way").isTrue();

        // Three more fill the buffer; the fifth overflows it while the first write is still stuck.
        Thread feed = new Thread(() -> {
            for (int i = 2; i <= 6; i++) {
                subscriber.offer(event(i));
            }
        }, "feed");
        feed.start();
        feed.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(feed.isAlive()).as("the feed waited for the stuck client").isFalse();
        assertThat(subscriber.isClosed()).isTrue();
        assertThat(fellBehind).hasValue(1);
        assertThat(closed).hasValue(1);

        // Once the stuck write gives up (Tomcat's write timeout), the stream is ended; the queued changes are dropped.
        emitter.release.countDown();
        assertThat(emitter.completed.await(5, TimeUnit.SECONDS)).as("the emitter is completed").isTrue();
        assertThat(emitter.sends).hasValue(1);
    }

    private static SseEmitter.SseEventBuilder event(long id) {
        return SseEmitter.event().id(Long.toString(id)).name("change").data("{}");
    }

    /** Writes the way Tomcat does to a client that reads nothing: under the emitter's lock, until released. */
    private static final class StalledEmitter extends SseEmitter {

        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch completed = new CountDownLatch(1);
        final AtomicInteger sends = new AtomicInteger();

        @Override
        public void send(SseEventBuilder builder) {
            writeLock.lock();
            try {
                sends.incrementAndGet();
                writing.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                writeLock.unlock();
            }
        }

        @Override
        public void complete() {
            super.complete();
            completed.countDown();
        }
    }
}
