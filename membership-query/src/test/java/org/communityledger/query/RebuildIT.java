package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.community.Community;
import org.communityledger.client.community.MemberFilter;
import org.communityledger.client.community.MemberPage;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.client.stats.Stats;
import org.communityledger.events.MemberRoleAssigned;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
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
    private QueryServiceClient viewer;
    private QueryServiceClient admin;

    @BeforeEach
    void connect() {
        viewer = Accounts.query(port, "viewer");
        admin = Accounts.query(port, "admin");
    }

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

            startRebuild("{}");
            assertThatThrownBy(() -> admin.rebuild().start()).as("one rebuild at a time")
                    .isInstanceOfSatisfying(LedgerProblemException.class,
                            refused -> assertThat(refused.status()).isEqualTo(409));
            for (int m = 1; m <= 30; m++) {
                topic.send(TopicWriter.envelope(growing, m + 1, TopicWriter.joined(growing, "newcomer-" + m, "新成员 " + m)));
            }
            RebuildStatus done = awaitRebuild();
            List<Poll> polls = watcher.stop();

            Instant started = done.startedAt();
            Instant finished = done.finishedAt();
            assertThat(polls).as("dashboard polls answered while the rebuild ran")
                    .filteredOn(poll -> poll.sent().isAfter(started) && poll.answered().isBefore(finished))
                    .isNotEmpty();
            assertThat(polls).extracting(Poll::organizations).isSortedAccordingTo(Long::compare);
            assertThat(done.eventsApplied()).isGreaterThanOrEqualTo(3 * 42);
            await().atMost(Duration.ofSeconds(60)).until(() -> version(growing) == 31);
        }

        Views afterLiveRebuild = snapshotOfViews(communities);
        startRebuild("{}");
        awaitRebuild();
        assertThat(snapshotOfViews(communities)).usingRecursiveComparison().ignoringFields(Views.READ_AT)
                .isEqualTo(afterLiveRebuild);
        // The change log's window is far longer than this topic: the rebuilt log holds every change.
        assertThat(jdbc.sql("select count(*) from projection_change where community_id = :id")
                .param("id", communities.get(0).value()).query(Long.class).single()).isEqualTo(42L);
        Community first = viewer.communities().community(communities.get(0).value());
        assertThat(first.memberCount()).isEqualTo(40);
        assertThat(first.chairUnit().organizationId()).isEqualTo("member-1");
    }

    @Test
    void a_rebuild_starts_only_for_a_json_object_and_anything_else_is_a_problem_that_starts_nothing()
            throws Exception {
        RebuildStatus before = admin.rebuild().status();
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
            HttpResponse<String> answer = postRebuild(request[0], request[1]);
            String label = request[0] + " " + request[1];
            assertThat(answer.statusCode()).as(label).isEqualTo(Integer.parseInt(request[2]));
            assertThat(answer.headers().firstValue("Content-Type")).as(label)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(answer.body()).get("status").asInt()).as(label)
                    .isEqualTo(Integer.parseInt(request[2]));
        }
        assertThat(admin.rebuild().status()).as("no rebuild started").isEqualTo(before);
    }

    @Test
    void a_failed_rebuild_says_what_failed_and_where_to_look_but_never_quotes_sql() throws Exception {
        CommunityId community = CommunityId.newId();
        try (TopicWriter topic = new TopicWriter(broker)) {
            topic.send(TopicWriter.envelope(community, 1, TopicWriter.established(community)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> version(community) == 1);
        Community viewBefore = viewer.communities().community(community.value());
        // The switch renames the live schema to this name: taken, the switch fails in the database.
        jdbc.sql("create schema projection_retired").update();
        try {
            startRebuild("{\"reason\":\"drill\"}");
            RebuildStatus failed = awaitRebuildEnd();

            assertThat(failed.state()).isEqualTo(RebuildState.FAILED);
            assertThat(failed.error()).matches("the database refused a statement of the rebuild "
                    + "\\(details in the query service's log under rebuild-[0-9a-f]{8}\\)");
            // The error is the status' only text: the rest are a state, numbers and instants.
            assertThat(admin.rebuild().status().error()).doesNotContainIgnoringCase("alter schema")
                    .doesNotContainIgnoringCase("projection_retired").doesNotContainIgnoringCase("error:")
                    .doesNotContainIgnoringCase("sql");
        } finally {
            jdbc.sql("drop schema if exists projection_retired cascade").update();
        }
        assertThat(viewer.communities().community(community.value())).as("the old views stay")
                .usingRecursiveComparison().ignoringFields("position").isEqualTo(viewBefore);
    }

    /** One dashboard poll of the statistics: when it was sent and answered, and what it counted. */
    private record Poll(Instant sent, Instant answered, long organizations) {
    }

    /**
     * Polls the statistics as a dashboard would, on a thread of its own. Whatever fails there (a problem answer,
     * which the client throws, included) is carried out and rethrown by {@link #stop()}, so it cannot die unseen.
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
                    Stats stats = viewer.stats().stats();
                    polls.add(new Poll(sent, Instant.now(), stats.organizations()));
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

    private RebuildStatus awaitRebuild() {
        RebuildStatus status = awaitRebuildEnd();
        assertThat(status.state()).as(status.toString()).isEqualTo(RebuildState.SWITCHED);
        return status;
    }

    private RebuildStatus awaitRebuildEnd() {
        RebuildStatus[] status = new RebuildStatus[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            status[0] = admin.rebuild().status();
            return !status[0].state().running();
        });
        return status[0];
    }

    /**
     * Everything the API shows about some communities, plus the statistics.
     *
     * @param members the first page of each community's members, as large as pages go
     */
    private record Views(Stats stats, List<Community> communities, List<MemberPage> members) {

        /** The fields that say when a view was read rather than what it holds. */
        static final String[] READ_AT = {"stats.position", "communities.position", "members.position"};
    }

    private Views snapshotOfViews(List<CommunityId> communities) {
        List<Community> views = new ArrayList<>();
        List<MemberPage> members = new ArrayList<>();
        for (CommunityId community : communities) {
            views.add(viewer.communities().community(community.value()));
            members.add(viewer.communities().members(community.value(), MemberFilter.ALL, 0, 200));
        }
        return new Views(viewer.stats().stats(), views, members);
    }

    private long version(CommunityId community) {
        return jdbc.sql("select version from community where community_id = :id")
                .param("id", community.value()).query(Long.class).optional().orElse(0L);
    }

    /** Starts a rebuild, which the service accepts with 202. */
    private void startRebuild(String body) throws Exception {
        HttpResponse<String> accepted = postRebuild("application/json", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    /**
     * Raw HTTP: the client hides a 202 (its start answers the status) and cannot send the requests the service
     * must refuse (another content type, a body that is not the object it expects).
     */
    private HttpResponse<String> postRebuild(String contentType, String body) throws Exception {
        URI rebuild = URI.create("http://127.0.0.1:" + port + "/api/admin/projections/rebuild");
        HttpRequest.Builder request = HttpRequest.newBuilder(rebuild).header("Authorization", Accounts.basic("admin"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
