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
import org.communityledger.testsupport.SecurityMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Limits and openings that an operator configures: a service that streams to at most two clients, and a
 * portal origin allowed to call the API from a browser. Its own application context, configured so.
 */
@QueryServiceTest
@TestPropertySource(properties = {"ledger.live.max-streams=2", "ledger.live.heartbeat=200ms",
        "ledger.security.cors.allowed-origins=" + OpenLimitsIT.PORTAL})
class OpenLimitsIT {

    static final String PORTAL = "https://portal.example.edu.cn";

    private final SecurityMatrix calls = new SecurityMatrix();

    @LocalServerPort
    int port;

    @Test
    void a_stream_beyond_the_limit_is_refused_with_a_problem_and_a_slot_frees_when_a_client_leaves() throws Exception {
        try (LiveIT.SseClient first = LiveIT.SseClient.open(port, null);
             LiveIT.SseClient second = LiveIT.SseClient.open(port, null)) {
            assertThat(first.next().name()).isEqualTo("ready");
            assertThat(second.next().name()).isEqualTo("ready");

            Answer refused = openStream();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("too-many-streams").contains("2 live streams");

            second.close();
            // The server learns of the departure when its next heartbeat fails to reach the client.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                try (LiveIT.SseClient third = LiveIT.SseClient.open(port, null)) {
                    assertThat(third.next().name()).isEqualTo("ready");
                }
            });
        }
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
    private Answer openStream() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream"))
                        .header("Accept", "text/event-stream").header("Authorization", Accounts.basic("viewer"))
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).as("a stream beyond the limit").isEqualTo(503);
            return new Answer(response.statusCode(), response.headers(),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }
}
