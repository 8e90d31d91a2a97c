package org.communityledger.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.communityledger.client.deadletter.Discard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What callers get when a call does not give its answer, and how the client presents itself. */
class ClientFailuresTest {

    private final RecordedLedger server = RecordedLedger.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusedCredentialsAreAProblemEvenForARequestWithABody() {
        // The services challenge with WWW-Authenticate; a client that tried to answer the challenge by itself
        // (HttpURLConnection does for bodies it cannot send twice) would lose the problem.
        server.answer("POST", "/api/admin/dead-letters/13/discard", exchange -> {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"community-ledger\"");
            RecordedLedger.send(exchange, 401, "application/problem+json;charset=UTF-8",
                    RecordedLedger.recorded("problem-401.json"));
        });
        QueryServiceClient query = LedgerClients.query(server.baseUrl(), Credentials.basic("admin", "wrong"));

        assertThatThrownBy(() -> query.deadLetters().discard(13, new Discard("test")))
                .isInstanceOfSatisfying(LedgerProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.problem().title()).isEqualTo("Authentication required");
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.answeredWithProblemBody()).isTrue();
                })
                .hasMessageContaining("401 Authentication required: This endpoint needs credentials");
    }

    @Test
    void anErrorWithoutAProblemBodyStillHasStatusTitleAndDetail() {
        server.answerText("GET", "/api/admin/quarantine", 502, "text/html",
                "<html><body>Bad gateway: upstream closed</body></html>");
        QueryServiceClient query = LedgerClients.query(server.baseUrl(), Credentials.none());

        assertThatThrownBy(() -> query.quarantine().quarantined())
                .isInstanceOfSatisfying(LedgerProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.problem().title()).isEqualTo("Bad Gateway");
                    assertThat(e.problem().detail()).contains("upstream closed");
                    assertThat(e.answeredWithProblemBody()).isFalse();
                });
    }

    @Test
    void aProblemWhoseStatusDiffersFromTheAnswersIsNotAnRfc9457Body() {
        server.answerText("GET", "/api/admin/quarantine", 500, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409}");
        QueryServiceClient query = LedgerClients.query(server.baseUrl(), Credentials.none());

        assertThatThrownBy(() -> query.quarantine().quarantined())
                .isInstanceOfSatisfying(LedgerProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.answeredWithProblemBody()).isFalse();
                });
    }

    @Test
    void aFieldProblemNamesTheFields() {
        server.answerText("GET", "/api/communities", 400, "application/problem+json",
                "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"Some fields are invalid.\","
                        + "\"errors\":[{\"field\":\"size\",\"message\":\"must be less than or equal to 200\"}]}");
        QueryServiceClient query = LedgerClients.query(server.baseUrl(), Credentials.none());

        assertThatThrownBy(() -> query.communities().communities(0, 500))
                .hasMessageEndingWith("400 Invalid request: Some fields are invalid.; size must be less than or "
                        + "equal to 200");
    }

    @Test
    void aServiceThatIsNotThereIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        QueryServiceClient query = LedgerClients.query(url, Credentials.none());

        assertThatThrownBy(() -> query.health().health())
                .isInstanceOfSatisfying(LedgerUnreachableException.class,
                        e -> assertThat(e.baseUrl()).isEqualTo(url))
                .hasMessageStartingWith("cannot reach " + url + " (");
    }

    @Test
    void aBearerTokenIsSentAsSuch() {
        server.answer("GET", "/api/admin/quarantine", 200, "application/json", "quarantine.json");

        LedgerClients.query(server.baseUrl(), Credentials.bearer("eyJ.token.sig")).quarantine().quarantined();

        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer eyJ.token.sig");
    }

    @Test
    void noCredentialsSendNoAuthorization() {
        server.answer("GET", "/actuator/health", 200, "application/vnd.spring-boot.actuator.v3+json",
                "command-health.json");

        LedgerClients.command(server.baseUrl(), Credentials.none()).health().health();

        assertThat(server.lastRequest().headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void aBaseUrlWithATrailingSlashDoesNotDoubleThePathsSlash() {
        server.answer("GET", "/api/admin/quarantine", 200, "application/json", "quarantine.json");

        LedgerClients.query(server.baseUrl() + "/", Credentials.none()).quarantine().quarantined();

        assertThat(server.lastRequest().path()).isEqualTo("/api/admin/quarantine");
    }

    @Test
    void aBaseUrlMustBeHttp() {
        assertThatThrownBy(() -> LedgerClients.query("127.0.0.1:8081", Credentials.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1:8081");
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertThat(Credentials.basic("admin", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(Credentials.bearer("eyJ.token.sig").toString()).doesNotContain("eyJ");
    }
}
