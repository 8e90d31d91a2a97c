package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.demo.ConferenceDemo;
import org.junit.jupiter.api.Test;

/**
 * The system as a user runs it: the launcher behind {@code ./ledger up} starts embedded PostgreSQL, a real
 * Kafka broker and both service jars as processes; the test speaks HTTP only, as the walk-through in docs/api.md
 * does, then restarts everything on the same data.
 */
class WholeSystemIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_member_added_over_http_shows_in_the_query_api_and_survives_a_restart() throws Exception {
        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-data-");
        LaunchSettings settings = LaunchSettings.onFreePorts(HOME, dataDir);
        String communityId;
        long positionBeforeRestart;

        try (LocalSystem system = LocalSystem.start(settings)) {
            HttpResponse<String> established = post(system.commandUrl() + "/api/communities", """
                    {"name":"四川省智慧视听产业产教融合共同体","sector":"Smart audiovisual","region":"Sichuan",
                     "hostOrganizationId":"nanchong-film-vocational-college",
                     "venue":"Literature and Art Center, Nanchong Film Industry Vocational College",
                     "establishedOn":"2025-10-19"}""");
            assertThat(established.statusCode()).isEqualTo(201);
            communityId = json.readTree(established.body()).get("communityId").asText();

            HttpResponse<String> joined = post(system.commandUrl() + "/api/communities/" + communityId + "/members", """
                    {"organizationId":"91440300708461136T","name":"南方影视集团","kind":"ENTERPRISE",
                     "province":"CN-GD","joinedOn":"2025-10-19"}""");
            assertThat(joined.statusCode()).isEqualTo(200);
            assertThat(json.readTree(joined.body()).get("version").asLong()).isEqualTo(2);
            positionBeforeRestart = json.readTree(joined.body()).get("position").asLong();

            Instant acknowledged = Instant.now();
            JsonNode community = awaitCommunity(system.queryUrl(), communityId, 1);
            assertThat(Duration.between(acknowledged, Instant.now())).isLessThan(VISIBLE_WITHIN);
            assertThat(community.get("name").asText()).isEqualTo("四川省智慧视听产业产教融合共同体");
            JsonNode members = getJson(system.queryUrl() + "/api/communities/" + communityId + "/members");
            assertThat(members.get("items").get(0).get("name").asText()).isEqualTo("南方影视集团");
            assertThat(members.get("items").get(0).get("province").asText()).isEqualTo("CN-GD");
        }

        try (LocalSystem restarted = LocalSystem.start(settings.onOtherFreePorts())) {
            JsonNode community = getJson(restarted.queryUrl() + "/api/communities/" + communityId);
            assertThat(community.get("memberCount").asInt()).isEqualTo(1);

            HttpResponse<String> again = post(restarted.commandUrl() + "/api/communities/" + communityId + "/members", """
                    {"organizationId":"91440300708461136T","name":"南方影视集团","kind":"ENTERPRISE",
                     "province":"CN-GD","joinedOn":"2025-10-19"}""");
            assertThat(again.statusCode()).as("the event store remembers the member").isEqualTo(409);

            HttpResponse<String> another = post(restarted.commandUrl() + "/api/communities/" + communityId + "/members", """
                    {"organizationId":"huazhong-ust-press","name":"华中科技大学出版社","kind":"ENTERPRISE",
                     "province":"CN-HB","joinedOn":"2025-10-19"}""");
            assertThat(json.readTree(another.body()).get("version").asLong()).isEqualTo(3);
            assertThat(json.readTree(another.body()).get("position").asLong())
                    .as("global positions do not jump on restart").isEqualTo(positionBeforeRestart + 1);
            assertThat(awaitCommunity(restarted.queryUrl(), communityId, 2).get("version").asLong()).isEqualTo(3);
        }
    }

    @Test
    void the_demo_loads_the_conference_and_a_second_run_records_nothing_new() throws Exception {
        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-demo-");
        try (LocalSystem system = LocalSystem.start(LaunchSettings.onFreePorts(HOME, dataDir))) {
            Map<String, Long> first = ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");
            Map<String, Long> second = ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");

            assertThat(second).as("same communities, same versions").isEqualTo(first);
            JsonNode stats = getJson(system.queryUrl() + "/api/stats");
            assertThat(stats.get("communities").asLong()).isEqualTo(2);
            assertThat(stats.get("organizations").asLong()).isEqualTo(96);
            assertThat(stats.get("provinces").asLong()).isEqualTo(26);
            JsonNode communities = getJson(system.queryUrl() + "/api/communities").get("items");
            assertThat(communities).hasSize(2).allSatisfy(community -> {
                assertThat(community.get("chairUnit").get("organizationId").asText()).isEqualTo("southern-film-group");
                assertThat(community.get("plaques")).hasSize(1);
                assertThat(community.get("constitutionVersion").asText()).isEqualTo("1.0");
            });
            assertThat(communities.findValuesAsText("title")).contains("School of Digital Media Industry",
                    "School of Intelligent Manufacturing Industry", "Strategic cooperation agreement 战略合作协议");
            JsonNode press = getJson(system.queryUrl() + "/api/organizations/hust-press");
            assertThat(press.get("agreements").get(0).get("scope").toString())
                    .contains("textbook development", "resource construction");
        }
    }

    /** The local profile's accounts: the password is the account's name. */
    static String basic(String account) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (account + ":" + account).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode awaitCommunity(String queryUrl, String communityId, int memberCount) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> response = get(queryUrl + "/api/communities/" + communityId);
            if (response.statusCode() != 200) {
                return false;
            }
            found[0] = json.readTree(response.body());
            return found[0].get("memberCount").asInt() == memberCount;
        });
        return found[0];
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic("viewer")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", basic("admin"))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
