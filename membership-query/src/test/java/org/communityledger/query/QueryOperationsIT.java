package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.community.CommunityApi;
import org.communityledger.client.deadletter.DeadLetterApi;
import org.communityledger.client.organization.OrganizationApi;
import org.communityledger.client.quarantine.QuarantineApi;
import org.communityledger.client.rebuild.RebuildApi;
import org.communityledger.client.stats.StatsApi;
import org.communityledger.client.stream.ChangesApi;
import org.communityledger.client.stream.StreamApi;
import org.communityledger.testsupport.ClientEndpoints;
import org.communityledger.testsupport.OpenApiDocument;
import org.communityledger.testsupport.SecurityMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator reads from the query service besides its API: readiness, liveness, version and metrics. */
@QueryServiceTest
class QueryOperationsIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_openapi_document_resolves_every_reference_and_summarises_every_operation() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        OpenApiDocument document = OpenApiDocument.parse(answer.body());
        document.keep("membership-query");
        assertThat(document.danglingReferences()).as("references that resolve to nothing").isEmpty();
        assertThat(document.securitySchemes()).containsExactlyInAnyOrder("basic", "bearer");
        assertThat(document.operations()).extracting(OpenApiDocument.Operation::toString)
                .contains("GET /api/communities", "GET /api/communities/{communityId}/members", "GET /api/stats",
                        "GET /api/stream", "POST /api/admin/projections/rebuild")
                .doesNotContain("GET /error");
        assertThat(document.operations()).allSatisfy(operation -> {
            assertThat(operation.summary()).as("summary of %s", operation).isNotBlank();
            assertThat(operation.parameters()).as("parameters of %s", operation).contains("header:X-Correlation-Id");
        });
        assertThat(document.operations()).filteredOn(operation -> operation.path().equals("/api/stream"))
                .singleElement().satisfies(stream -> assertThat(stream.parameters()).contains("header:Last-Event-ID"));
        List<ClientEndpoints.Endpoint> clientCalls = ClientEndpoints.of(Map.of(), CommunityApi.class,
                OrganizationApi.class, StatsApi.class, StreamApi.class, ChangesApi.class, RebuildApi.class,
                DeadLetterApi.class, QuarantineApi.class);
        assertThat(clientCalls).hasSizeGreaterThanOrEqualTo(14);
        assertThat(document.undocumented(clientCalls)).as("what the Java client calls that the document lacks")
                .isEmpty();
    }

    @Test
    void readiness_needs_the_database_and_kafka_and_liveness_only_the_process() throws Exception {
        String viewer = SecurityMatrix.basic("viewer", "viewer");
        JsonNode readiness = json.readTree(get("/actuator/health/readiness", viewer).body());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "kafka");
        JsonNode liveness = json.readTree(get("/actuator/health/liveness", viewer).body());
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void health_tells_a_caller_without_credentials_its_status_and_nothing_more() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(200);
            JsonNode health = json.readTree(anonymous.body());
            assertThat(health.path("status").asText()).as(path).isEqualTo("UP");
            assertThat(health.has("components")).as(anonymous.body()).isFalse();
            assertThat(anonymous.body()).doesNotContain("PostgreSQL").doesNotContain("membership.events");
        }
        assertThat(metricsAccount().health().health().component("db").orElseThrow().details().get("database"))
                .isEqualTo("PostgreSQL");
    }

    @Test
    void info_names_the_build_version_and_the_commit() throws Exception {
        HttpResponse<String> response = get("/actuator/info", null);
        JsonNode info = json.readTree(response.body());
        assertThat(info.path("build").path("version").asText()).as(response.body()).matches("\\d+\\.\\d+\\.\\d+.*");
        // The build leaves the commit out when it runs outside a git checkout (a source archive).
        if (insideAGitCheckout()) {
            assertThat(info.path("git").path("commit").path("id").asText()).as(response.body())
                    .matches("[0-9a-f]{7,40}");
        }
    }

    @Test
    void the_metrics_account_scrapes_prometheus() {
        // A refusal would throw its problem.
        assertThat(metricsAccount().metrics().metrics().samples("http_server_requests_seconds_count")).isNotEmpty();
    }

    private QueryServiceClient metricsAccount() {
        return Accounts.query(port, "metrics");
    }

    /**
     * Raw HTTP for what the client does not read (the OpenAPI document, the readiness and liveness groups, info)
     * and for health without credentials, where the test checks everything the body says, not what a client keeps.
     */
    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean insideAGitCheckout() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }
}
