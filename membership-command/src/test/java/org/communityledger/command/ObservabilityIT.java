package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityledger.command.dispatch.CommandDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator watches: metrics a Prometheus account may scrape, JSON log lines under the request's
 * correlation id, readiness that needs the database and Kafka, and the build and commit the service runs.
 */
@CommandServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    @LocalServerPort
    int port;

    @Autowired
    LoggingSystem loggingSystem;

    private final ObjectMapper json = new ObjectMapper();
    private CommandApi api;

    @BeforeEach
    void client() {
        api = new CommandApi(port);
    }

    @Test
    void the_metrics_account_scrapes_commands_by_type_and_outcome_and_the_publishers_progress() {
        String community = api.establish();
        api.join(community, "observed-member");
        HttpResponse<String> again = api.post("/api/communities/" + community + "/members",
                CommandApi.joinBody("observed-member"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        HttpResponse<String> stale = api.post("/api/communities/" + community + "/members",
                CommandApi.joinBody("late-member"), Map.of("If-Match", "\"1\""));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> scrape = api.as("metrics").send("GET", "/actuator/prometheus", null, null, Map.of());
            assertThat(scrape.statusCode()).isEqualTo(200);
            String metrics = scrape.body();
            assertThat(sample(metrics, "ledger_commands_seconds_count{command=\"EstablishCommunity\",outcome=\"accepted\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sample(metrics, "ledger_commands_seconds_count{command=\"JoinMember\",outcome=\"rejected\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sample(metrics, "ledger_commands_seconds_count{command=\"JoinMember\",outcome=\"conflict\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sample(metrics, "ledger_publisher_published_total")).isGreaterThanOrEqualTo(2);
            // Everything stored so far is published a moment later (the reading is reused for up to 5 s).
            assertThat(sample(metrics, "ledger_publisher_lag_events")).isZero();
            assertThat(sample(metrics, "ledger_publisher_lag_oldest_seconds")).isZero();
        });
    }

    @Test
    void a_command_request_logs_json_lines_under_the_correlation_id_it_sent(CapturedOutput output) throws Exception {
        String correlationId = "observability-" + UUID.randomUUID();
        withDispatcherDebugLogging(() -> {
            HttpResponse<String> response = api.post("/api/communities", CommandApi.ESTABLISH,
                    Map.of("X-Correlation-Id", correlationId));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        });

        List<JsonNode> lines = jsonLinesWith(output, correlationId);
        assertThat(lines).as("JSON log lines naming %s", correlationId).isNotEmpty();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("correlationId").asText()).isEqualTo(correlationId);
            assertThat(line.path("message").asText()).startsWith("EstablishCommunity accepted");
        });
    }

    @Test
    void a_request_without_a_correlation_id_logs_under_the_one_its_events_record(CapturedOutput output)
            throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        withDispatcherDebugLogging(() -> answers.add(api.post("/api/communities", CommandApi.ESTABLISH)));
        HttpResponse<String> response = answers.get(0);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();

        assertThat(jsonLinesWith(output, correlationId)).anySatisfy(line ->
                assertThat(line.path("correlationId").asText()).isEqualTo(correlationId));
        HttpResponse<String> events = api.as("auditor").send("GET", "/api/audit/communities/"
                + api.field(response, "communityId") + "/events", null, null, Map.of());
        assertThat(api.body(events).get("items").get(0).get("metadata").get("correlationId").asText())
                .isEqualTo(correlationId);
    }

    @Test
    void info_names_the_build_version_and_the_commit() throws Exception {
        HttpResponse<String> response = api.as(null).send("GET", "/actuator/info", null, null, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = json.readTree(response.body());
        assertThat(info.path("build").path("version").asText()).as(response.body()).matches("\\d+\\.\\d+\\.\\d+.*");
        // The build leaves the commit out when it runs outside a git checkout (a source archive).
        if (insideAGitCheckout()) {
            assertThat(info.path("git").path("commit").path("id").asText()).as(response.body())
                    .matches("[0-9a-f]{7,40}");
        }
    }

    @Test
    void readiness_needs_the_database_and_kafka_and_liveness_only_the_process() throws Exception {
        JsonNode readiness = json.readTree(api.as("metrics").send("GET", "/actuator/health/readiness", null, null,
                Map.of()).body());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "kafka");
        JsonNode liveness = json.readTree(api.as("metrics").send("GET", "/actuator/health/liveness", null, null,
                Map.of()).body());
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void health_tells_a_caller_without_credentials_its_status_and_nothing_more() throws Exception {
        HttpResponse<String> anonymous = api.as(null).send("GET", "/actuator/health", null, null, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(anonymous.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as(anonymous.body()).isFalse();

        JsonNode signedIn = json.readTree(api.as("viewer").send("GET", "/actuator/health", null, null, Map.of())
                .body());
        assertThat(signedIn.path("components").fieldNames()).toIterable().contains("db", "kafka");
    }

    /** The dispatcher logs each command at DEBUG: turned on only around {@code requests}, as an operator would. */
    private void withDispatcherDebugLogging(Runnable requests) {
        String logger = CommandDispatcher.class.getName();
        loggingSystem.setLogLevel(logger, LogLevel.DEBUG);
        try {
            requests.run();
        } finally {
            loggingSystem.setLogLevel(logger, null);
        }
    }

    /** The captured lines that mention {@code text}, each of which must be one JSON object. */
    private List<JsonNode> jsonLinesWith(CapturedOutput output, String text) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\\R")) {
            if (line.contains(text)) {
                assertThat(line).as("a log line").startsWith("{");
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    /** The value of one sample in Prometheus's text format; fails when there is no such sample. */
    private static double sample(String metrics, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(matcher.find()).as("sample %s", series).isTrue();
        return Double.parseDouble(matcher.group(1));
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
