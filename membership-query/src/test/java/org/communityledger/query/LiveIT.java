package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.communityledger.client.community.Member;
import org.communityledger.client.community.MemberPage;
import org.communityledger.client.stream.Change;
import org.communityledger.client.stream.ServerSentEvents;
import org.communityledger.client.stream.StreamApi;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Province;
import org.communityledger.events.wire.EventEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live stream, its resumption, read-your-writes, and a client that never reads. */
@QueryServiceTest
class LiveIT {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private TopicWriter topic;

    @BeforeEach
    void connect() {
        topic = new TopicWriter(broker);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void a_subscriber_sees_each_change_with_its_position_as_id_and_resumes_after_a_disconnect() throws Exception {
        CommunityId community = CommunityId.newId();
        EventEnvelope established = topic.envelope(community, 1, TopicWriter.established(community));
        EventEnvelope first = topic.envelope(community, 2, TopicWriter.joined(community, "first-member", "第一成员"));
        EventEnvelope second = topic.envelope(community, 3, TopicWriter.joined(community, "second-member", "第二成员"));

        try (SseClient stream = SseClient.open(port, null)) {
            assertThat(stream.next().name()).isEqualTo("ready");
            topic.send(established);
            topic.send(first);
            SseClient.Event seen = stream.nextNamed("change", community.value());
            assertThat(seen.id()).isEqualTo(Long.toString(established.position()));
            SseClient.Event joined = stream.nextNamed("change", community.value());
            assertThat(joined.id()).isEqualTo(Long.toString(first.position()));
            assertThat(joined.data()).contains("\"type\":\"MemberJoined\"").contains("第一成员").contains("\"version\":2");
        }

        topic.send(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedVersion(community) == 3);

        try (SseClient resumed = SseClient.open(port, Long.toString(first.position()))) {
            SseClient.Event missed = resumed.nextNamed("change", community.value());
            assertThat(missed.id()).isEqualTo(Long.toString(second.position()));
            assertThat(missed.data()).contains("第二成员");
        }
    }

    @Test
    void the_newest_changes_come_newest_first_and_a_stream_resumed_after_them_misses_nothing() throws Exception {
        CommunityId community = CommunityId.newId();
        EventEnvelope established = topic.envelope(community, 1, TopicWriter.established(community));
        EventEnvelope joined = topic.envelope(community, 2, TopicWriter.joined(community, "early-member", "早期成员"));
        EventEnvelope later = topic.envelope(community, 3, TopicWriter.joined(community, "later-member", "后来成员"));
        topic.send(established);
        topic.send(joined);
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedVersion(community) == 2);

        List<Change> newest = Accounts.query(port, "viewer").changes().newest(2);

        assertThat(newest).extracting(Change::position).containsExactly(joined.position(), established.position());
        assertThat(newest.get(0).type()).isEqualTo("MemberJoined");
        assertThat(newest.get(0).communityId()).isEqualTo(community.value());
        assertThat(newest.get(0).event().get("organization").get("name").asString()).isEqualTo("早期成员");
        try (SseClient stream = SseClient.open(port, Long.toString(newest.get(0).position()))) {
            topic.send(later);
            SseClient.Event next = stream.next();
            assertThat(next.name()).isEqualTo("change");
            assertThat(next.id()).isEqualTo(Long.toString(later.position()));
        }
    }

    @Test
    void a_stream_that_asks_for_the_figures_gets_them_when_members_move_and_others_do_not() throws Exception {
        CommunityId community = CommunityId.newId();
        try (SseClient withStats = SseClient.withStats(port); SseClient plain = SseClient.open(port, null)) {
            assertThat(withStats.next().name()).isEqualTo("ready");
            assertThat(plain.next().name()).isEqualTo("ready");
            EventEnvelope established = topic.envelope(community, 1, TopicWriter.established(community));
            EventEnvelope joined = topic.envelope(community, 2, TopicWriter.joined(community, "tibet-member", "西藏成员",
                    Province.CN_XZ));
            topic.send(established);
            topic.send(joined);

            SseClient.Event stats;
            JsonNode figures;
            do {
                stats = withStats.nextNamed("stats", "");
                figures = JsonMapper.shared().readTree(stats.data());
            } while (figures.get("position").asLong() < joined.position());
            assertThat(figures.get("byProvince").get("CN-XZ").asLong()).isPositive();
            assertThat(figures.get("communities").asLong()).isEqualTo(Accounts.query(port, "viewer").stats().stats()
                    .communities());
            plain.nextNamed("change", "tibet-member");
            await("no figures for a stream that did not ask").during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> plain.queued().stream().noneMatch(event -> event.name().equals("stats")));
        }
    }

    @Test
    void a_subscriber_that_missed_more_than_is_kept_is_told_to_reset() throws Exception {
        try (SseClient stream = SseClient.open(port, "12345")) {
            SseClient.Event event = stream.next();
            assertThat(event.name()).isEqualTo("reset");
            assertThat(event.data()).contains("reload");
        }
    }

    @Test
    void a_query_with_min_position_waits_for_the_event_then_answers() throws Exception {
        CommunityId community = CommunityId.newId();
        EventEnvelope established = topic.envelope(community, 1, TopicWriter.established(community));
        EventEnvelope notYetSent = topic.envelope(community, 2, TopicWriter.joined(community, "late-member", "迟到成员"));
        topic.send(established);
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedVersion(community) == 1);

        HttpResponse<String> tooEarly = get("/api/communities/" + community + "?minPosition=" + notYetSent.position());
        assertThat(tooEarly.statusCode()).isEqualTo(503);
        assertThat(tooEarly.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JsonMapper.builder().build().readTree(tooEarly.body()).get("type").asString())
                .isEqualTo("urn:community-ledger:problem:not-yet-fresh");

        topic.send(notYetSent);
        MemberPage fresh = Accounts.query(port, "viewer").communities().members(community.value(), null, null, null,
                null, 0, 50, notYetSent.position());
        assertThat(fresh.items()).extracting(Member::name).contains("迟到成员");
    }

    /**
     * A client that never reads, with a receive buffer of 1 KiB, fills its socket and then its queue of 100
     * (the test profile's buffer) and is cut off, while a reading client beside it gets every change promptly.
     * Changes come in batches smaller than the buffer, so a reading client keeps up by construction; the
     * batches go on until the silent one is cut off, up to a bound.
     */
    @Test
    void a_client_that_never_reads_is_cut_off_without_slowing_a_reading_client() throws Exception {
        CommunityId community = CommunityId.newId();
        double cutOffBefore = clientsFellBehind();
        topic.send(topic.envelope(community, 1, TopicWriter.established(community)));
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedVersion(community) == 1);
        int batch = 50;
        int maxChanges = 8_000;
        String longName = "长名字".repeat(300);
        Duration slowest = Duration.ZERO;
        int version = 1;
        try (Socket silent = silentStream(); SseClient reading = SseClient.open(port, null)) {
            assertThat(reading.next().name()).isEqualTo("ready");
            while (clientsFellBehind() == cutOffBefore && version < maxChanges) {
                for (int i = 0; i < batch; i++) {
                    version++;
                    topic.send(topic.envelope(community, version, TopicWriter.joined(community, "member-" + version,
                            "成员 " + version + " " + longName)));
                }
                int last = version;
                await().atMost(Duration.ofSeconds(30)).until(() -> appliedVersion(community) == last);
                long applied = System.nanoTime();
                reading.nextNamed("change", "\"communityId\":\"" + community + "\",\"version\":" + last + ",");
                Duration delay = Duration.ofNanos(System.nanoTime() - applied);
                slowest = delay.compareTo(slowest) > 0 ? delay : slowest;
            }
            assertThat(clientsFellBehind() - cutOffBefore).as("clients cut off after %d changes", version)
                    .isEqualTo(1.0);
        }
        assertThat(slowest).as("slowest change from the views to the reading client").isLessThan(Duration.ofSeconds(3));
    }

    /** A raw socket: the client always reads what it opens, and this stream must never be read. */
    private Socket silentStream() throws Exception {
        Socket silent = new Socket();
        silent.setReceiveBufferSize(1024);
        silent.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        OutputStream out = silent.getOutputStream();
        out.write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: "
                + Accounts.basic("viewer") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return silent;
    }

    private double clientsFellBehind() {
        Counter counter = meters.find("ledger.stream.clients.fell.behind").counter();
        return counter == null ? 0 : counter.count();
    }

    private long appliedVersion(CommunityId community) {
        return jdbc.sql("select version from community where community_id = :id")
                .param("id", community.value()).query(Long.class).optional().orElse(0L);
    }

    /** Raw HTTP: the test asserts the Retry-After header of a refusal, which the client does not show. */
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", Accounts.basic("viewer")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The live stream as a dashboard reads it, through the Java client: one connection, its events queued as
     * they arrive. (The browser's EventSource, which needs {@code text/event-stream}, is tested in DashboardIT.)
     */
    static final class SseClient implements AutoCloseable {

        record Event(String id, String name, String data) {
        }

        private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        private SseClient(InputStream body, String lastEventId) {
            this.body = body;
            Thread reader = new Thread(() -> read(lastEventId), "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static SseClient open(int port, String lastEventId) throws Exception {
            return open(port, lastEventId, "viewer");
        }

        /** Opens the stream with the figures across communities ({@code stats} events) too. */
        static SseClient withStats(int port) throws Exception {
            return new SseClient(Accounts.query(port, "viewer").stream().open(null, true), null);
        }

        /** Opens the stream as a local account (its password is its name); a refusal throws its problem. */
        static SseClient open(int port, String lastEventId, String account) throws Exception {
            StreamApi stream = Accounts.query(port, account).stream();
            return new SseClient(stream.open(lastEventId), lastEventId);
        }

        Event next() throws InterruptedException {
            Event event = events.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("an event within 20 s").isNotNull();
            return event;
        }

        /** What has arrived and not been taken yet. */
        List<Event> queued() {
            return List.copyOf(events);
        }

        Event nextNamed(String name, String containing) throws InterruptedException {
            while (true) {
                Event event = next();
                if (event.name().equals(name) && event.data().contains(containing)) {
                    return event;
                }
            }
        }

        private void read(String lastEventId) {
            try {
                ServerSentEvents.read(body, lastEventId,
                        event -> events.add(new Event(event.id(), event.event(), event.data())));
            } catch (Exception e) {
                // closed by the test
            }
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
