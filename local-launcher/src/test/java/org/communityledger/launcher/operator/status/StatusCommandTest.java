package org.communityledger.launcher.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.Items;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.LedgerUnreachableException;
import org.communityledger.client.Problem;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.health.Health;
import org.communityledger.client.health.HealthApi;
import org.communityledger.client.metrics.MetricsApi;
import org.communityledger.client.quarantine.QuarantineApi;
import org.communityledger.client.quarantine.QuarantinedCommunity;
import org.communityledger.launcher.operator.CapturedTerminal;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.FakeDeadLetters;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.TestServices;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private static final String COMMUNITY = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e";

    private static final String COMMAND_METRICS = """
            # TYPE ledger_publisher_lag_events gauge
            ledger_publisher_lag_events 1250.0
            ledger_publisher_lag_oldest_seconds 3.42
            """;
    private static final String QUERY_METRICS = """
            ledger_projection_lag_records{partition="0"} 0.0
            ledger_projection_lag_records{partition="10"} 7.0
            ledger_projection_lag_records{partition="2"} 1500.0
            ledger_projection_lag_seconds{partition="0"} 0.0
            ledger_projection_lag_seconds{partition="10"} 0.5
            ledger_projection_lag_seconds{partition="2"} 12.25
            ledger_projection_communities_quarantined 0.0
            """;

    private HealthApi commandHealth = () -> health("UP", Map.of("db", "UP", "kafka", "UP"));
    private HealthApi queryHealth = () -> health("UP", Map.of("db", "UP", "kafka", "UP", "quarantine", "UP"));
    private MetricsApi commandMetrics = () -> COMMAND_METRICS;
    private MetricsApi queryMetrics = () -> QUERY_METRICS;
    private final FakeDeadLetters deadLetters = new FakeDeadLetters();
    private QuarantineApi quarantine = () -> new Items<>(List.of());

    private static Health health(String status, Map<String, String> components) {
        Map<String, Health> parts = new TreeMap<>();
        components.forEach((name, componentStatus) -> parts.put(name, new Health(componentStatus, null, null)));
        return new Health(status, parts, null);
    }

    private int run(CapturedTerminal terminal) {
        QueryServiceClient query = new QueryServiceClient(queryHealth, queryMetrics, null, null, deadLetters,
                quarantine, null, null, null, null);
        CommandServiceClient command = new CommandServiceClient(commandHealth, commandMetrics, null, null, null, null,
                null);
        return new StatusCommand().run(new ParsedArguments(Map.of(), Set.of(), List.of()),
                TestServices.of(query, command), terminal.terminal());
    }

    @Test
    void allWellExitsZeroAndSaysSo() {
        CapturedTerminal terminal = CapturedTerminal.plain();

        int exit = run(terminal);

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(terminal.out()).contains("""
                Health
                  COMPONENT   COMMAND  QUERY
                  (overall)   UP       UP
                  db          UP       UP
                  kafka       UP       UP
                  quarantine  -        UP
                """).endsWith("All UP; nothing parked or quarantined.\n");
    }

    @Test
    void showsThePublishersAndEachPartitionsLag() {
        CapturedTerminal terminal = CapturedTerminal.plain();

        run(terminal);

        assertThat(terminal.out()).contains("  1,250 events stored but not yet published; the oldest waiting 3.4 s")
                .contains("""
                          PARTITION  RECORDS  SECONDS
                          0          0        0.0
                          2          1,500    12.3
                          10         7        0.5
                        """);
    }

    @Test
    void missingMetricsShowAsQuestionMarks() {
        commandMetrics = () -> "jvm_threads_live_threads 31.0\n";
        queryMetrics = () -> "jvm_threads_live_threads 31.0\n";
        CapturedTerminal terminal = CapturedTerminal.plain();

        int exit = run(terminal);

        assertThat(terminal.out()).contains("  ? events stored but not yet published; the oldest waiting ? s")
                .contains("  ? (the service reports no ledger_projection_lag_records)");
        assertThat(exit).isEqualTo(ExitCode.OK);
    }

    @Test
    void metricsThatCannotBeReadAreShownNotFatal() {
        commandMetrics = () -> {
            throw new LedgerProblemException("GET", URI.create("http://127.0.0.1:8080/actuator/prometheus"),
                    new Problem(null, "Forbidden", 403, "Your account does not have the role this endpoint needs.",
                            null, null));
        };
        CapturedTerminal terminal = CapturedTerminal.plain();

        int exit = run(terminal);

        assertThat(terminal.out()).contains("  ? (metrics: 403 Forbidden: Your account does not have the role");
        assertThat(exit).isEqualTo(ExitCode.OK);
    }

    @Test
    void parkedRecordsAndQuarantinedCommunitiesNeedAttention() {
        deadLetters.with(FakeDeadLetters.parked(12, "not-applicable", COMMUNITY, "duplicate key"))
                .with(FakeDeadLetters.parked(13, "unreadable", null, "unknown event name"))
                .with(FakeDeadLetters.parked(14, "not-applicable", COMMUNITY, "duplicate key"));
        queryMetrics = () -> QUERY_METRICS + """
                ledger_projection_records_parked_total{reason="not-applicable"} 2.0
                ledger_projection_records_parked_total{reason="unreadable"} 1.0
                """;
        quarantine = () -> new Items<>(List.of(new QuarantinedCommunity(COMMUNITY, 7, 3,
                Instant.parse("2026-11-30T09:15:02.118Z"), "version 7 parked (dead letter 12)")));
        queryHealth = () -> health("DEGRADED", Map.of("db", "UP", "quarantine", "DEGRADED"));
        CapturedTerminal terminal = CapturedTerminal.plain();

        int exit = run(terminal);

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(deadLetters.calls).containsExactly("list PARKED null 1000");
        assertThat(terminal.out())
                .contains("  3 waiting: not-applicable 2, unreadable 1   (./ledger dlt list)")
                .contains("  parked since the query service started: not-applicable 2, unreadable 1")
                .contains("""
                          COMMUNITY                             MISSING VERSION  HELD EVENTS  SINCE                 REASON
                          c6b93fc9-2d1d-4018-91b3-a4ac57262e0e  7                3            2026-11-30T09:15:02Z  version 7 parked (dead letter 12)
                        """)
                .endsWith("Needs attention: query service DEGRADED (quarantine DEGRADED); 3 records parked "
                        + "(./ledger dlt list); 1 community quarantined.\n");
    }

    @Test
    void aComponentNotUpNeedsAttentionEvenWhenTheOverallStatusIsUp() {
        commandHealth = () -> health("UP", Map.of("db", "UP", "mail", "UNKNOWN"));
        CapturedTerminal terminal = CapturedTerminal.plain();

        assertThat(run(terminal)).isEqualTo(ExitCode.ATTENTION);
        assertThat(terminal.out()).endsWith("Needs attention: command service UP (mail UNKNOWN).\n");
    }

    @Test
    void anUnreachableServiceExitsTwoAndIsNotAskedAgain() {
        queryHealth = () -> {
            throw new LedgerUnreachableException("http://127.0.0.1:8081", new ConnectException());
        };
        queryMetrics = () -> {
            throw new AssertionError("an unreachable service must not be asked again");
        };
        CapturedTerminal terminal = CapturedTerminal.plain();

        int exit = run(terminal);

        assertThat(exit).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(deadLetters.calls).isEmpty();
        assertThat(terminal.out())
                .contains("  (overall)  UP       UNREACHABLE")
                .contains("  ? (query service: cannot reach http://127.0.0.1:8081 (connection refused))")
                .contains("  ? (metrics: not asked, the service is unreachable)")
                .contains("  1,250 events stored but not yet published")
                .endsWith("Needs attention: query service unreachable.\n");
    }
}
