package org.communityledger.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityledger.testsupport.TokenIssuer.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.communityledger.command.CommandServiceTest;
import org.communityledger.testsupport.SecurityMatrix;
import org.communityledger.testsupport.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bearer tokens from an OAuth2 issuer, next to HTTP Basic: the issuer's key set is served by a real HTTP
 * server here, tokens are signed with its key (or another one), and the roles claim decides as an account's
 * roles would. This class runs its own application context, configured with the issuer.
 */
@CommandServiceTest
class BearerTokenIT {

    private static final TokenIssuer ISSUER = new TokenIssuer();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        ISSUER.configure(registry::add);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void a_token_with_the_admin_role_issues_commands_and_its_user_is_recorded_as_the_principal() throws Exception {
        HttpResponse<String> created = establish(ISSUER.token("li.wei", List.of("ledger-user", "admin")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String communityId = json.readTree(created.body()).get("communityId").asText();

        JsonNode events = json.readTree(get("/api/audit/communities/" + communityId + "/events",
                SecurityMatrix.basic("auditor", "auditor")).body());
        assertThat(events.get("items").get(0).get("metadata").get("principal").asText()).isEqualTo("jwt:li.wei");
    }

    @Test
    void a_token_without_the_role_is_forbidden_and_records_nothing() throws Exception {
        long before = eventCount();
        HttpResponse<String> refused = establish(ISSUER.token("zhang.min", List.of("viewer")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void forged_expired_foreign_misaddressed_and_anonymous_tokens_are_refused_with_a_bearer_challenge() throws Exception {
        long before = eventCount();
        Map<String, String> refusedTokens = Map.of(
                "signed by another key", TokenIssuer.forge(claims("li.wei", List.of("admin"))),
                "expired", ISSUER.sign(claims("li.wei", List.of("admin"))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600)))),
                "from another issuer", ISSUER.sign(claims("li.wei", List.of("admin"))
                        .issuer("https://elsewhere.example.com")),
                "for another audience", ISSUER.sign(claims("li.wei", List.of("admin"))
                        .audience("some-other-app")),
                "without the user's name", ISSUER.sign(claims("li.wei", List.of("admin"))
                        .claim("preferred_username", null)),
                "not a token at all", "not-a-jwt");
        for (Map.Entry<String, String> refused : refusedTokens.entrySet()) {
            HttpResponse<String> answer = establish(refused.getValue());
            assertThat(answer.statusCode()).as(refused.getKey()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(refused.getKey())
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer "));
            assertThat(json.readTree(answer.body()).get("status").asInt()).isEqualTo(401);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void http_basic_accounts_keep_working_next_to_tokens() throws Exception {
        assertThat(establish(null).statusCode()).isEqualTo(201);
        assertThat(get("/api/audit/digest", SecurityMatrix.basic("auditor", "auditor")).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> establish(String bearerToken) throws IOException, InterruptedException {
        String body = """
                {"name":"Intelligent Manufacturing","sector":"Manufacturing","region":"Sichuan",
                 "hostOrganizationId":"nanchong-film-vocational-college","venue":"Hall","establishedOn":"2025-10-19"}""";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/communities"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearerToken == null ? SecurityMatrix.basic("admin", "admin")
                        : "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private long eventCount() throws IOException, InterruptedException {
        JsonNode feed = json.readTree(get("/api/audit/events?limit=1", SecurityMatrix.basic("auditor", "auditor")).body());
        return feed.get("total").asLong();
    }
}
