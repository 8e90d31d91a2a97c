package org.communityledger.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.communityledger.client.stream.ResumingStream;
import org.communityledger.client.stream.ServerSentEvent;
import org.communityledger.client.stream.StreamApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Following the stream across lost connections, against real HTTP servers. */
class ResumingStreamTest {

    private static final String EVENT_STREAM = "text/event-stream";

    private final RecordedLedger first = RecordedLedger.start();
    private final RecordedLedger second = RecordedLedger.start();

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void resumesOnTheNextInstanceAfterTheLastIdItSaw() throws InterruptedException {
        first.answerText("GET", "/api/stream", 200, EVENT_STREAM,
                "id:10\nevent:ready\ndata:{\"position\":10}\n\nid:11\nevent:change\ndata:{}\n\n");
        second.answer("GET", "/api/stream", exchange -> RecordedLedger.send(exchange, 200, EVENT_STREAM,
                "11".equals(exchange.getRequestHeaders().getFirst("Last-Event-ID"))
                        ? "id:12\nevent:change\ndata:{}\n\n" : "id:99\nevent:reset\ndata:{}\n\n"));
        List<ServerSentEvent> received = new CopyOnWriteArrayList<>();
        List<ResumingStream.ConnectionEnd> ends = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        try (ResumingStream stream = ResumingStream.follow(List.of(viewer(first), viewer(second)), 0, null,
                new ResumingStream.Handler() {
                    @Override
                    public boolean onEvent(ServerSentEvent event) {
                        received.add(event);
                        return true;
                    }

                    @Override
                    public Duration onEnd(ResumingStream.ConnectionEnd end) {
                        ends.add(end);
                        if (ends.size() < 2) {
                            return Duration.ofMillis(10);
                        }
                        done.countDown();
                        return null;
                    }
                })) {
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.lastEventId()).isEqualTo("12");
        }

        assertThat(received).extracting(ServerSentEvent::id).containsExactly("10", "11", "12");
        assertThat(first.lastRequest().header("Last-Event-ID")).isNull();
        assertThat(second.lastRequest().header("Last-Event-ID")).isEqualTo("11");
        assertThat(ends).extracting(ResumingStream.ConnectionEnd::instance).containsExactly(0, 1);
        assertThat(ends).extracting(ResumingStream.ConnectionEnd::failure).containsOnlyNulls();
    }

    @Test
    void aRefusedConnectionIsReportedWithItsProblem() throws InterruptedException {
        first.answerText("GET", "/api/stream", 429, "application/problem+json",
                "{\"title\":\"Too many streams\",\"status\":429}");
        CountDownLatch ended = new CountDownLatch(1);
        List<Exception> failures = new CopyOnWriteArrayList<>();

        try (ResumingStream ignored = ResumingStream.follow(viewer(first), new ResumingStream.Handler() {
            @Override
            public boolean onEvent(ServerSentEvent event) {
                return true;
            }

            @Override
            public Duration onEnd(ResumingStream.ConnectionEnd end) {
                failures.add(end.failure());
                ended.countDown();
                return null;
            }
        })) {
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(failures).singleElement().isInstanceOfSatisfying(LedgerProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(429));
    }

    private static StreamApi viewer(RecordedLedger server) {
        return LedgerClients.query(server.baseUrl(), Credentials.basic("viewer", "viewer")).stream();
    }
}
