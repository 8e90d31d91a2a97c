package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fifty clients at once on one community, all wanting the same thing (issue 8, scenario 8): the rules hold,
 * exactly the allowed number win, the losers get 409 or 412 problems (never a 5xx), and the community's
 * history has no gap and no repeated version.
 */
@CommandServiceTest
class ConflictingCommandsIT {

    private static final int CLIENTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CommandApi api;
    private ExecutorService clients;

    @BeforeEach
    void setUp() {
        api = new CommandApi(port);
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void the_same_organisation_joining_fifty_times_at_once_joins_once() throws Exception {
        String community = api.establish();

        List<HttpResponse<String>> answers = all(client -> api.post("/api/communities/" + community + "/members",
                CommandApi.joinBody("southern-film-group")));

        assertThat(statuses(answers)).containsOnlyKeys(200, 409).containsEntry(200, 1L).containsEntry(409, 49L);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                .allSatisfy(answer -> assertThat(answer.body()).contains("already-active-member"));
        assertHistoryWithoutGaps(community, 2);
    }

    @Test
    void fifty_chair_unit_designations_at_once_leave_exactly_one_chair_unit() throws Exception {
        String community = api.establish();
        for (int member = 0; member < CLIENTS; member++) {
            api.join(community, "candidate-" + member);
        }

        List<HttpResponse<String>> answers = all(client -> api.post("/api/communities/" + community + "/members/candidate-"
                + client + "/roles", "{\"role\":\"CHAIR_UNIT\"}"));

        assertThat(statuses(answers)).containsOnlyKeys(200, 409).containsEntry(200, 1L);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                .allSatisfy(answer -> assertThat(answer.body()).contains("chair-unit"));
        long chairUnitsAssigned = jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = :id and payload_type = 'MemberRoleAssigned'""")
                .param("id", community).query(Long.class).single();
        assertThat(chairUnitsAssigned).isEqualTo(1);
        assertHistoryWithoutGaps(community, 1 + CLIENTS + 1);
    }

    @Test
    void fifty_commands_conditional_on_the_same_version_let_exactly_one_through() throws Exception {
        String community = api.establish();

        List<HttpResponse<String>> answers = all(client -> api.post("/api/communities/" + community + "/members",
                CommandApi.joinBody("conditional-" + client), Map.of("If-Match", "\"1\"")));

        assertThat(statuses(answers)).containsOnlyKeys(200, 412).containsEntry(200, 1L).containsEntry(412, 49L);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 412).allSatisfy(answer -> assertThat(
                answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json")));
        assertHistoryWithoutGaps(community, 2);
    }

    /** Sends one request per client, all released at the same moment, and waits for every answer. */
    private List<HttpResponse<String>> all(Function<Integer, HttpResponse<String>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int self = client;
            Callable<HttpResponse<String>> call = () -> {
                start.await();
                return request.apply(self);
            };
            pending.add(clients.submit(call));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : pending) {
            answers.add(answer.get());
        }
        assertThat(answers).as("no answer is a server error").allSatisfy(answer ->
                assertThat(answer.statusCode()).as(answer.body()).isLessThan(500));
        return answers;
    }

    private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        answers.forEach(answer -> counts.merge(answer.statusCode(), 1L, Long::sum));
        return counts;
    }

    /** Versions 1..expected, each once: nothing lost, nothing applied twice, no gap. */
    private void assertHistoryWithoutGaps(String community, int expected) {
        List<Long> sequence = jdbc.sql("""
                        select sequence_number from domain_event_entry where aggregate_identifier = :id
                        order by sequence_number""")
                .param("id", community).query(Long.class).list();
        assertThat(sequence).hasSize(expected);
        for (int index = 0; index < sequence.size(); index++) {
            assertThat(sequence.get(index)).isEqualTo(index);
        }
    }
}
