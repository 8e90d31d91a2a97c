package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.MemberRoleAssigned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A rebuild from offset 0 under concurrent new events: the old views keep answering, counts never go
 * backwards, and the views afterwards equal those of a second rebuild with nothing else going on.
 */
@QueryServiceTest
class RebuildIT {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void views_rebuilt_under_live_load_equal_a_quiet_rebuild_and_never_go_backwards() throws Exception {
        List<CommunityId> communities = new ArrayList<>();
        try (TopicWriter topic = new TopicWriter(broker)) {
            for (int c = 0; c < 3; c++) {
                CommunityId community = CommunityId.newId();
                communities.add(community);
                topic.send(TopicWriter.envelope(community, 1, TopicWriter.established(community)));
                for (int m = 1; m <= 40; m++) {
                    topic.send(TopicWriter.envelope(community, m + 1, TopicWriter.joined(community, "member-" + m,
                            "成员 " + m)));
                }
                topic.send(TopicWriter.envelope(community, 42, new MemberRoleAssigned(community,
                        OrganizationId.of("member-1"), MemberRole.CHAIR_UNIT)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> communities.stream().allMatch(c -> version(c) == 42));

            CommunityId growing = CommunityId.newId();
            topic.send(TopicWriter.envelope(growing, 1, TopicWriter.established(growing)));
            StatsWatcher watcher = new StatsWatcher();
            watcher.start();

            assertThat(post("/api/admin/projections/rebuild").statusCode()).isEqualTo(202);
            assertThat(post("/api/admin/projections/rebuild").statusCode()).as("one rebuild at a time").isEqualTo(409);
            for (int m = 1; m <= 30; m++) {
                topic.send(TopicWriter.envelope(growing, m + 1, TopicWriter.joined(growing, "newcomer-" + m, "新成员 " + m)));
            }
            JsonNode done = awaitRebuild();
            List<Poll> polls = watcher.stop();

            Instant started = Instant.parse(done.get("startedAt").asText());
            Instant finished = Instant.parse(done.get("finishedAt").asText());
            assertThat(polls).as("dashboard polls answered while the rebuild ran")
                    .filteredOn(poll -> poll.sent().isAfter(started) && poll.answered().isBefore(finished))
                    .isNotEmpty();
            assertThat(polls).extracting(Poll::organizations).isSortedAccordingTo(Long::compare);
            assertThat(done.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(3 * 42);
            await().atMost(Duration.ofSeconds(60)).until(() -> version(growing) == 31);
        }

        String afterLiveRebuild = snapshotOfViews(communities);
        assertThat(post("/api/admin/projections/rebuild").statusCode()).isEqualTo(202);
        awaitRebuild();
        assertThat(snapshotOfViews(communities)).isEqualTo(afterLiveRebuild);
        assertThat(get("/api/communities/" + communities.get(0)).body()).contains("\"memberCount\":40")
                .contains("\"organizationId\":\"member-1\"");
    }

    @Test
    void a_rebuild_starts_only_for_a_json_object_and_anything_else_is_a_problem_that_starts_nothing()
            throws Exception {
        String before = get("/api/admin/projections/status", "admin").body();
        // A web page can make a browser send the first three to any address, with the credentials it remembers.
        List<String[]> refused = List.of(
                new String[] {"application/x-www-form-urlencoded", "reason=csrf", "415"},
                new String[] {"multipart/form-data; boundary=x", "--x\r\n\r\nreason\r\n--x--", "415"},
                new String[] {"text/plain", "{}", "415"},
                new String[] {null, "{}", "415"},
                new String[] {"application/json", "", "400"},
                new String[] {"application/json", "[]", "400"},
                new String[] {"application/json", "null", "400"},
                new String[] {"application/json", "{\"reason\":", "400"},
                new String[] {"application/json", "{\"force\":true}", "400"},
                new String[] {"application/json", "{\"reason\":\"" + "x".repeat(501) + "\"}", "400"});
        for (String[] request : refused) {
            HttpResponse<String> answer = post("/api/admin/projections/rebuild", request[0], request[1]);
            String label = request[0] + " " + request[1];
            assertThat(answer.statusCode()).as(label).isEqualTo(Integer.parseInt(request[2]));
            assertThat(answer.headers().firstValue("Content-Type")).as(label)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(answer.body()).get("status").asInt()).as(label)
                    .isEqualTo(Integer.parseInt(request[2]));
        }
        assertThat(get("/api/admin/projections/status", "admin").body()).as("no rebuild started").isEqualTo(before);
    }

    @Test
    void a_failed_rebuild_says_what_failed_and_where_to_look_but_never_quotes_sql() throws Exception {
        CommunityId community = CommunityId.newId();
        try (TopicWriter topic = new TopicWriter(broker)) {
            topic.send(TopicWriter.envelope(community, 1, TopicWriter.established(community)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> version(community) == 1);
        String viewBefore = stable(get("/api/communities/" + community).body());
        // The switch renames the live schema to this name: taken, the switch fails in the database.
        jdbc.sql("create schema projection_retired").update();
        try {
            assertThat(post("/api/admin/projections/rebuild", "application/json", "{\"reason\":\"drill\"}")
                    .statusCode()).isEqualTo(202);
            JsonNode failed = awaitRebuildEnd();

            assertThat(failed.get("state").asText()).isEqualTo("FAILED");
            String error = failed.get("error").asText();
            assertThat(error).matches("the database refused a statement of the rebuild "
                    + "\\(details in the query service's log under rebuild-[0-9a-f]{8}\\)");
            String answer = get("/api/admin/projections/status", "admin").body();
            assertThat(answer.toLowerCase()).doesNotContain("alter schema").doesNotContain("projection_retired")
                    .doesNotContain("error:").doesNotContain("sql");
        } finally {
            jdbc.sql("drop schema if exists projection_retired cascade").update();
        }
        assertThat(stable(get("/api/communities/" + community).body())).as("the old views stay").isEqualTo(viewBefore);
    }

    /** One dashboard poll of the statistics: when it was sent and answered, and what it counted. */
    private record Poll(Instant sent, Instant answered, long organizations) {
    }

    /**
     * Polls the statistics as a dashboard would, on a thread of its own. Whatever fails there (an answer other
     * than 200 included) is carried out and rethrown by {@link #stop()}, so it cannot die unseen.
     */
    private final class StatsWatcher {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<Poll> polls = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::poll, "stats-watcher");

        void start() {
            thread.start();
        }

        private void poll() {
            try {
                while (running.get()) {
                    Instant sent = Instant.now();
                    HttpResponse<String> stats = get("/api/stats");
                    assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
                    polls.add(new Poll(sent, Instant.now(), json.readTree(stats.body()).get("organizations").asLong()));
                    Thread.sleep(20);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }

        List<Poll> stop() throws Exception {
            running.set(false);
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError("the stats watcher failed", failure.get());
            }
            return polls;
        }
    }

    private JsonNode awaitRebuild() throws Exception {
        JsonNode status = awaitRebuildEnd();
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("SWITCHED");
        return status;
    }

    private JsonNode awaitRebuildEnd() throws Exception {
        JsonNode[] status = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            status[0] = json.readTree(get("/api/admin/projections/status", "admin").body());
            return !status[0].get("state").asText().equals("BUILDING")
                    && !status[0].get("state").asText().equals("CATCHING_UP");
        });
        return status[0];
    }

    /** Everything the API shows about these communities, plus the statistics, as one comparable text. */
    private String snapshotOfViews(List<CommunityId> communities) throws Exception {
        StringBuilder views = new StringBuilder(stable(get("/api/stats").body()));
        for (CommunityId community : communities) {
            views.append(stable(get("/api/communities/" + community).body()));
            views.append(stable(get("/api/communities/" + community + "/members?size=200").body()));
        }
        return views.toString();
    }

    /** Drops the fields that say when a view was read rather than what it holds. */
    private String stable(String body) throws Exception {
        JsonNode node = json.readTree(body);
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("position");
        }
        return node.toString();
    }

    private long version(CommunityId community) {
        return jdbc.sql("select version from community where community_id = :id")
                .param("id", community.value()).query(Long.class).optional().orElse(0L);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "viewer");
    }

    private HttpResponse<String> get(String path, String account) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", Accounts.basic(account)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path) throws Exception {
        return post(path, "application/json", "{}");
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", Accounts.basic("admin"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
