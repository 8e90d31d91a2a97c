package org.communityledger.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.communityledger.client.community.CommunityPage;
import org.communityledger.client.deadletter.DeadLetter;
import org.communityledger.client.deadletter.Discard;
import org.communityledger.client.deadletter.ReplayOutcome;
import org.communityledger.client.deadletter.ReplaySelection;
import org.communityledger.client.deadletter.Replayed;
import org.communityledger.client.deadletter.Replays;
import org.communityledger.client.health.Health;
import org.communityledger.client.metrics.PrometheusMetrics;
import org.communityledger.client.quarantine.QuarantinedCommunity;
import org.communityledger.client.rebuild.RebuildRequest;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query service's APIs against a real HTTP server answering what the service answers. */
class QueryServiceContractTest {

    private static final String JSON = "application/json";
    private static final String COMMUNITY = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e";

    private final RecordedLedger server = RecordedLedger.start();
    private final QueryServiceClient query = LedgerClients.query(server.baseUrl(), Credentials.basic("admin", "admin"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsHealthWithEveryComponent() {
        server.answer("GET", "/actuator/health", 200, "application/vnd.spring-boot.actuator.v3+json",
                "query-health.json");

        Health health = query.health().health();

        assertThat(health.isUp()).isTrue();
        assertThat(health.components()).containsKeys("db", "kafka", "quarantine", "topicLayout");
        assertThat(health.component("kafka").orElseThrow().details()).containsEntry("nodes", 1);
        assertThat(server.lastRequest().method()).isEqualTo("GET");
    }

    @Test
    void readsTheHealthOfAServiceThatIsDown() {
        server.answer("GET", "/actuator/health", 503, "application/vnd.spring-boot.actuator.v3+json",
                "query-health-down.json");

        Health health = query.health().health();

        assertThat(health.status()).isEqualTo("DOWN");
        assertThat(health.component("kafka").orElseThrow().status()).isEqualTo("DOWN");
        assertThat(health.component("quarantine").orElseThrow().details().get("communities")).asList().hasSize(1);
    }

    @Test
    void readsADegradedServiceWithItsQuarantine() {
        server.answer("GET", "/actuator/health", 200, "application/vnd.spring-boot.actuator.v3+json",
                "query-health-degraded.json");

        Health health = query.health().health();

        assertThat(health.status()).isEqualTo("DEGRADED");
        assertThat(health.isUp()).isFalse();
        assertThat(health.component("quarantine").orElseThrow().status()).isEqualTo("DEGRADED");
    }

    @Test
    void readsPrometheusTextAsTheAccountItWasGiven() {
        server.answer("GET", "/actuator/prometheus", 200, "text/plain;version=0.0.4;charset=utf-8",
                "query-prometheus.txt");

        PrometheusMetrics metrics = query.metrics().metrics();

        assertThat(metrics.byLabel("ledger_projection_lag_records", "partition")).hasSize(6);
        assertThat(metrics.value("ledger_projection_communities_quarantined")).hasValue(0);
        RecordedLedger.Request request = server.lastRequest();
        assertThat(request.header("Authorization")).isEqualTo("Basic YWRtaW46YWRtaW4=");
        assertThat(request.header("Accept")).isEqualTo("text/plain");
    }

    @Test
    void startsARebuildAndFollowsIt() {
        server.answer("POST", "/api/admin/projections/rebuild", 202, JSON, "rebuild-started.json")
                .answer("GET", "/api/admin/projections/status", 200, JSON, "rebuild-switched.json");

        RebuildStatus started = query.rebuild().start();
        assertThat(server.lastRequest().method()).isEqualTo("POST");
        RebuildStatus status = query.rebuild().status();

        assertThat(started.state()).isEqualTo(RebuildState.BUILDING);
        assertThat(started.etaSeconds()).isNull();
        assertThat(status.state()).isEqualTo(RebuildState.SWITCHED);
        assertThat(status.eventsApplied()).isEqualTo(2);
        assertThat(status.finishedAt()).isEqualTo(Instant.parse("2026-11-30T14:41:55.087881162Z"));
        assertThat(status.fractionDone()).isEqualTo(1.0);
    }

    @Test
    void aRebuildIsAskedForWithAJsonObjectWhichNoCrossSiteFormCanPost() {
        server.answer("POST", "/api/admin/projections/rebuild", 202, JSON, "rebuild-started.json");

        query.rebuild().start();
        RecordedLedger.Request withoutReason = server.lastRequest();
        query.rebuild().start(new RebuildRequest("restored from a backup"));
        RecordedLedger.Request withReason = server.lastRequest();

        assertThat(withoutReason.header("Content-Type")).startsWith(JSON);
        assertThat(withoutReason.body()).isEqualTo("{}");
        assertThat(withReason.header("Content-Type")).startsWith(JSON);
        assertThat(withReason.body()).isEqualTo("{\"reason\":\"restored from a backup\"}");
    }

    @Test
    void aRebuildAlreadyRunningIsAProblemWithTitleAndDetail() {
        // Recorded: this 409 comes as application/json, not application/problem+json.
        server.answer("POST", "/api/admin/projections/rebuild", 409, JSON, "rebuild-running-409.json");

        assertThatThrownBy(() -> query.rebuild().start())
                .isInstanceOfSatisfying(LedgerProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().title()).isEqualTo("Rebuild already running");
                    assertThat(e.problem().type()).isEqualTo("urn:community-ledger:problem:rebuild-running");
                    assertThat(e.problem().detail()).startsWith("A rebuild is already running");
                })
                .hasMessage("POST /api/admin/projections/rebuild answered 409 Rebuild already running: A rebuild is "
                        + "already running; follow it at /api/admin/projections/status.");
    }

    @Test
    void readsAStatusOfAStateItDoesNotKnow() {
        server.answerText("GET", "/api/admin/projections/status", 200, JSON,
                "{\"state\":\"PAUSED\",\"eventsApplied\":5,\"lag\":5,\"lagByPartition\":{\"3\":5},\"newField\":true}");

        RebuildStatus status = query.rebuild().status();

        assertThat(status.state()).isEqualTo(RebuildState.UNKNOWN);
        assertThat(status.lagByPartition()).isEqualTo(Map.of(3, 5L));
        assertThat(status.fractionDone()).isEqualTo(0.5);
    }

    @Test
    void listsParkedDeadLettersOfOneCommunity() {
        server.answer("GET", "/api/admin/dead-letters", 200, JSON, "dead-letters.json");

        List<DeadLetter> items = query.deadLetters().list(DeadLetter.PARKED, COMMUNITY, 50).items();

        assertThat(server.lastRequest().query()).isEqualTo("status=PARKED&communityId=" + COMMUNITY + "&limit=50");
        assertThat(items).hasSize(2);
        DeadLetter first = items.get(0);
        assertThat(first.id()).isEqualTo(12);
        assertThat(first.reasonKind()).isEqualTo("not-applicable");
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.partition()).isEqualTo(2);
        assertThat(first.offset()).isEqualTo(55);
        assertThat(first.parkedAt()).isEqualTo(Instant.parse("2026-11-30T09:15:02.118Z"));
        assertThat(items.get(1).version()).isNull();
    }

    @Test
    void listsEveryDeadLetterWithoutAFilter() {
        server.answer("GET", "/api/admin/dead-letters", 200, JSON, "dead-letters-all.json");

        List<DeadLetter> items = query.deadLetters().list(null, null, null).items();

        assertThat(server.lastRequest().query()).isNull();
        assertThat(items).extracting(DeadLetter::status).containsExactly(DeadLetter.PARKED, DeadLetter.DISCARDED);
        DeadLetter discarded = items.get(1);
        assertThat(discarded.resolvedBy()).isEqualTo("admin");
        assertThat(discarded.resolution()).isEqualTo("hand-made poison record from an operator test");
        assertThat(discarded.resolvedAt()).isEqualTo(Instant.parse("2026-11-30T14:52:19.280281Z"));
    }

    @Test
    void asksForAsManyParkedRecordsAsOneListGives() {
        server.answer("GET", "/api/admin/dead-letters", 200, JSON, "dead-letters.json");

        query.deadLetters().parked();

        assertThat(server.lastRequest().query()).isEqualTo("status=PARKED&limit=1000");
    }

    @Test
    void readsOneDeadLetter() {
        server.answer("GET", "/api/admin/dead-letters/13", 200, JSON, "discarded.json");

        assertThat(query.deadLetters().deadLetter(13).resolution())
                .isEqualTo("written by a test build, never part of the ledger");
    }

    @Test
    void replaysOneDeadLetter() {
        server.answer("POST", "/api/admin/dead-letters/12/replay", 200, JSON, "replayed.json");

        Replayed replayed = query.deadLetters().replay(12);

        assertThat(replayed.outcome()).isEqualTo(ReplayOutcome.APPLIED);
        assertThat(replayed.status()).isEqualTo(DeadLetter.REPLAYED);
        assertThat(replayed.releasedEvents()).isEqualTo(3);
    }

    @Test
    void replaysEveryParkedRecordWithAnEmptySelection() {
        server.answer("POST", "/api/admin/dead-letters/replay", 200, JSON, "replays.json");

        Replays replays = query.deadLetters().replay(ReplaySelection.all());

        assertThat(server.lastRequest().body()).isEqualTo("{}");
        assertThat(server.lastRequest().header("Content-Type")).startsWith("application/json");
        assertThat(replays.replayed()).extracting(Replayed::outcome).containsExactly(ReplayOutcome.ALREADY_APPLIED);
        assertThat(replays.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.id()).isEqualTo(13);
            assertThat(failed.detail()).contains("still cannot be read");
        });
    }

    @Test
    void replaysOneCommunitysParkedRecords() {
        server.answer("POST", "/api/admin/dead-letters/replay", 200, JSON, "replays.json");

        query.deadLetters().replay(ReplaySelection.community(COMMUNITY));

        assertThat(server.lastRequest().body()).isEqualTo("{\"communityId\":\"" + COMMUNITY + "\"}");
    }

    @Test
    void discardsADeadLetterWithItsReason() {
        server.answer("POST", "/api/admin/dead-letters/13/discard", 200, JSON, "discarded.json");

        DeadLetter discarded = query.deadLetters().discard(13, new Discard("written by a test build"));

        assertThat(server.lastRequest().body()).isEqualTo("{\"reason\":\"written by a test build\"}");
        assertThat(discarded.status()).isEqualTo(DeadLetter.DISCARDED);
        assertThat(discarded.resolvedBy()).isEqualTo("admin");
        assertThat(discarded.resolvedAt()).isEqualTo(Instant.parse("2026-11-30T10:02:11.5Z"));
    }

    @Test
    void aRecordThatStillCannotBeAppliedIsARefusal() {
        server.answer("POST", "/api/admin/dead-letters/2/replay", 409, "application/problem+json",
                "replay-refused-409.json");

        assertThatThrownBy(() -> query.deadLetters().replay(2))
                .isInstanceOfSatisfying(LedgerProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().title()).isEqualTo("Repair refused");
                    assertThat(e.problem().detail()).startsWith("Dead letter 2 still cannot be read");
                });
    }

    @Test
    void anUnknownDeadLetterIsANotFoundProblem() {
        server.answer("POST", "/api/admin/dead-letters/999/replay", 404, "application/problem+json",
                "dead-letter-404.json");

        assertThatThrownBy(() -> query.deadLetters().replay(999))
                .isInstanceOfSatisfying(LedgerProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problem().detail()).isEqualTo("There is no dead letter 999.");
                });
    }

    @Test
    void listsQuarantinedCommunities() {
        server.answer("GET", "/api/admin/quarantine", 200, JSON, "quarantine.json");

        List<QuarantinedCommunity> quarantined = query.quarantine().quarantined().items();

        assertThat(quarantined).singleElement().isEqualTo(new QuarantinedCommunity(COMMUNITY, 3, 1,
                Instant.parse("2026-11-30T14:52:41.114615Z"), "version 4 arrived before version 3"));
    }

    @Test
    void pagesThroughCommunities() {
        server.answer("GET", "/api/communities", 200, JSON, "communities-page.json");

        CommunityPage page = query.communities().communities(0, 2);

        assertThat(server.lastRequest().query()).isEqualTo("page=0&size=2");
        assertThat(page.items()).singleElement().satisfies(community -> {
            assertThat(community.communityId()).isEqualTo(COMMUNITY);
            assertThat(community.name()).isEqualTo("四川省智慧视听产业产教融合共同体");
            assertThat(community.version()).isEqualTo(2);
        });
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hasNext()).isFalse();
    }
}
