package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.testsupport.SecurityMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Limits and openings that an operator configures: a service that streams to at most two clients, one of them per
 * account, that lets each account have one query waiting for {@code minPosition}, and a portal origin allowed to
 * call the API from a browser. Its own application context, configured so.
 */
@QueryServiceTest
@TestPropertySource(properties = {"ledger.live.max-streams=2", "ledger.live.max-streams-per-principal=1",
        "ledger.live.max-waiters-per-principal=1", "ledger.live.heartbeat=200ms",
        "ledger.security.cors.allowed-origins=" + OpenLimitsIT.PORTAL})
class OpenLimitsIT {

    static final String PORTAL = "https://portal.example.edu.cn";

    private final SecurityMatrix calls = new SecurityMatrix();

    @LocalServerPort
    int port;

    @Test
    void a_stream_beyond_the_limit_is_refused_with_a_problem_and_a_slot_frees_when_a_client_leaves() throws Exception {
        try (LiveIT.SseClient first = awaitStream("viewer");
             LiveIT.SseClient second = awaitStream("auditor")) {
            assertThat(first.next().name()).isEqualTo("ready");
            assertThat(second.next().name()).isEqualTo("ready");

            Answer refused = openStream("admin", 503);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("too-many-streams").contains("2 live streams");

            second.close();
            // The server learns of the departure when its next heartbeat fails to reach the client.
            await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(LedgerProblemException.class)
                    .untilAsserted(() -> {
                        try (LiveIT.SseClient third = LiveIT.SseClient.open(port, null, "admin")) {
                            assertThat(third.next().name()).isEqualTo("ready");
                        }
                    });
        }
    }

    @Test
    void an_account_with_its_most_streams_open_is_refused_another_while_other_accounts_still_stream()
            throws Exception {
        try (LiveIT.SseClient own = awaitStream("viewer")) {
            assertThat(own.next().name()).isEqualTo("ready");

            Answer refused = openStream("viewer", 429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("too-many-streams-of-one-principal").contains("\"status\":429");

            try (LiveIT.SseClient other = awaitStream("auditor")) {
                assertThat(other.next().name()).isEqualTo("ready");
            }
        }
    }

    @Test
    void an_account_with_a_query_waiting_for_min_position_is_refused_another_at_once_while_others_still_wait()
            throws Exception {
        String never = "/api/stats?minPosition=9000000000000";
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(statsRequest(never, "viewer"),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> otherAccount = http.sendAsync(statsRequest(never, "auditor"),
                HttpResponse.BodyHandlers.ofString());
        // The test profile waits 3 s: both are still waiting a second later.
        Thread.sleep(1000);

        long sent = System.nanoTime();
        HttpResponse<String> refused = http.send(statsRequest(never, "viewer"), HttpResponse.BodyHandlers.ofString());
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("refused at once").isLessThan(Duration.ofSeconds(1));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("too-many-waiters").contains("\"status\":429");

        assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        assertThat(otherAccount.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        HttpResponse<String> afterwards = http.send(statsRequest("/api/stats", "viewer"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.statusCode()).isEqualTo(200);
    }

    private HttpRequest statsRequest(String path, String account) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", Accounts.basic(account)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** A stream of this account, once the slots that earlier tests' clients held are free again. */
    private LiveIT.SseClient awaitStream(String account) {
        LiveIT.SseClient[] opened = new LiveIT.SseClient[1];
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(LedgerProblemException.class)
                .untilAsserted(() -> opened[0] = LiveIT.SseClient.open(port, null, account));
        return opened[0];
    }

    @Test
    void a_configured_origin_may_call_the_api_from_a_browser_and_others_may_not() throws Exception {
        HttpResponse<String> preflight = calls.preflight(port, "/api/stats", PORTAL);
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("authorization"));

        HttpResponse<String> get = calls.crossOriginGet(port, "/api/stats", PORTAL, Accounts.basic("viewer"));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);

        HttpResponse<String> foreign = calls.preflight(port, "/api/stats", "https://elsewhere.example.com");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> foreignGet = calls.crossOriginGet(port, "/api/stats", "https://elsewhere.example.com",
                Accounts.basic("viewer"));
        assertThat(foreignGet.statusCode()).isEqualTo(403);
    }

    /**
     * A stream request beyond the limit, read as a stream: one accepted by mistake then fails the test instead
     * of hanging it for ever.
     */
    private Answer openStream(String account, int expectedStatus) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream"))
                        .header("Accept", "text/event-stream").header("Authorization", Accounts.basic(account))
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).as("a stream beyond the limit").isEqualTo(expectedStatus);
            return new Answer(response.statusCode(), response.headers(),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }
}
