package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.demo.ConferenceDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What operators are given works on a running system: every metric the alert rules and the Grafana dashboard
 * use is on the services' {@code /actuator/prometheus} (scraped with the METRICS account, as Prometheus
 * does), {@code ./ledger status} shows the lags, a parked record and a quarantined community, then all
 * well again after {@code ./ledger dlt replay}, and each service runs as its own database role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static final Pattern LEDGER_METRIC = Pattern.compile("\\bledger_[a-z_]+");
    private static final String OPERATOR = "org.communityledger.launcher.operator.LedgerOperator";

    private LocalSystem system;

    @BeforeAll
    void start() throws Exception {
        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-ops-");
        system = LocalSystem.start(LaunchSettings.onFreePorts(HOME, dataDir));
        ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void every_metric_of_the_alert_rules_and_the_dashboard_is_exported_by_a_service() throws Exception {
        Set<String> used = metricsUsedBy(HOME.resolve("ops/prometheus/alerts.yml"));
        try (Stream<Path> dashboards = Files.list(HOME.resolve("ops/grafana/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                used.addAll(metricsUsedBy(dashboard));
            }
        }
        assertThat(used).as("the rules and the dashboard use ledger metrics").hasSizeGreaterThan(10);

        Set<String> exported = new TreeSet<>();
        for (String service : new String[] {system.commandUrl(), system.queryUrl()}) {
            // Scraped by the metrics account, which may read this and nothing else; a refusal throws its problem.
            LedgerClients.query(service, Credentials.basic("metrics", "metrics")).metrics().prometheus().lines()
                    .filter(line -> !line.startsWith("#")).map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }
        assertThat(exported).as("exported by the command and query services").containsAll(used);
    }

    @Test
    void each_service_runs_as_its_own_database_role_and_neither_role_may_rewrite_the_event_store() throws Exception {
        Map<String, String> roles = new HashMap<>();
        long stored;
        try (Connection database = DriverManager.getConnection(system.settings().jdbcUrl(), "postgres", "");
             Statement sql = database.createStatement()) {
            try (ResultSet sessions = sql.executeQuery("""
                    select distinct application_name, usename from pg_stat_activity
                    where application_name like 'membership-%'""")) {
                while (sessions.next()) {
                    roles.merge(sessions.getString(1), sessions.getString(2), (one, other) -> one + "," + other);
                }
            }
            stored = storedEvents(sql);
        }
        assertThat(roles).containsEntry("membership-command", "ledger_command")
                .containsEntry("membership-query", "ledger_query");

        for (String role : List.of("ledger_command", "ledger_query")) {
            try (Connection service = DriverManager.getConnection(system.settings().jdbcUrl(), role, "");
                 Statement sql = service.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate("delete from ledger.domain_event_entry")).as(role)
                        .isInstanceOfSatisfying(SQLException.class,
                                refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
            }
        }
        try (Connection database = DriverManager.getConnection(system.settings().jdbcUrl(), "postgres", "");
             Statement sql = database.createStatement()) {
            assertThat(storedEvents(sql)).isPositive().isGreaterThanOrEqualTo(stored);
        }
    }

    private static long storedEvents(Statement sql) throws SQLException {
        try (ResultSet count = sql.executeQuery("select count(*) from ledger.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void status_shows_a_quarantined_community_and_its_parked_record_until_a_replay_heals_it() throws Exception {
        Operator all = operator("status");
        assertThat(all.output()).as(all.output()).contains("Publisher", "Projection lag", "PARTITION", "Quarantined");
        assertThat(all.exitCode()).as(all.output()).isZero();

        String community = establish();
        try (Connection database = DriverManager.getConnection(system.settings().jdbcUrl(), "postgres", "");
             Statement sql = database.createStatement()) {
            // A projector defect for this community only: its members cannot be written.
            sql.execute("""
                    create function projection.refuse_members() returns trigger language plpgsql as $$
                    begin
                        if new.community_id = '%s' then raise exception 'simulated projector defect'; end if;
                        return new;
                    end $$""".formatted(community));
            sql.execute("""
                    create trigger refuse_members before insert on projection.member
                    for each row execute function projection.refuse_members()""");
            join(community, "refused-member");
            join(community, "held-member");

            Operator stuck = awaitStatus(status -> status.output().contains(community)
                    && status.output().contains("not-applicable"));
            assertThat(stuck.exitCode()).as(stuck.output()).isEqualTo(1);
            assertThat(stuck.output()).contains(community).contains("not-applicable");

            sql.execute("drop trigger refuse_members on projection.member");
        }
        Operator replay = operator("dlt", "replay", "--community", community);
        assertThat(replay.exitCode()).as(replay.output()).isZero();
        // Health follows within the quarantine check's interval (5 s).
        Operator healed = awaitStatus(status -> status.exitCode() == 0);
        assertThat(healed.exitCode()).as(healed.output()).isZero();
        assertThat(healed.output()).doesNotContain(community);
        assertThat(WholeSystemIT.viewer(system.queryUrl()).communities().community(community).memberCount())
                .isEqualTo(2);
    }

    /** Runs the operator's command as {@code ./ledger} does, in a process of its own, against this system. */
    private Operator operator(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OPERATOR));
        line.addAll(List.of(command));
        line.addAll(List.of("--command-url", system.commandUrl(), "--query-url", system.queryUrl()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Operator(process.exitValue(), output);
    }

    private Operator awaitStatus(java.util.function.Predicate<Operator> shows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Operator status = operator("status");
        while (!shows.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            status = operator("status");
        }
        return status;
    }

    private String establish() {
        return WholeSystemIT.admin(system.commandUrl()).establish(new EstablishCommunity("运维演练共同体",
                "Operations drill", "Sichuan", "nanchong-film-vocational-college", "Drill hall",
                LocalDate.of(2025, 10, 19)), CommandOptions.NONE).communityId();
    }

    private void join(String community, String organization) {
        WholeSystemIT.admin(system.commandUrl()).join(community, new JoinMember(organization, "演练成员", "ENTERPRISE",
                "CN-SC", LocalDate.of(2025, 10, 19)), CommandOptions.NONE);
    }

    private static Set<String> metricsUsedBy(Path file) throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher matcher = LEDGER_METRIC.matcher(Files.readString(file));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private record Operator(int exitCode, String output) {
    }
}
