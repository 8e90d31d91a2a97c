package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.demo.ConferenceDemo;
import org.junit.jupiter.api.Test;

/**
 * What operators are given to watch the system points at what the system really exports: every metric the
 * alert rules and the Grafana dashboard use is on the services' {@code /actuator/prometheus}, scraped with the
 * METRICS account as Prometheus does, after the demo has run.
 */
class OperationsIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static final Pattern LEDGER_METRIC = Pattern.compile("\\bledger_[a-z_]+");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_metric_of_the_alert_rules_and_the_dashboard_is_exported_by_a_service() throws Exception {
        Set<String> used = metricsUsedBy(HOME.resolve("ops/prometheus/alerts.yml"));
        try (Stream<Path> dashboards = Files.list(HOME.resolve("ops/grafana/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                used.addAll(metricsUsedBy(dashboard));
            }
        }
        assertThat(used).as("the rules and the dashboard use ledger metrics").hasSizeGreaterThan(10);

        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-ops-");
        try (LocalSystem system = LocalSystem.start(LaunchSettings.onFreePorts(HOME, dataDir))) {
            ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");
            Set<String> exported = new TreeSet<>();
            for (String service : new String[] {system.commandUrl(), system.queryUrl()}) {
                HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                                URI.create(service + "/actuator/prometheus"))
                        .header("Authorization", WholeSystemIT.basic("metrics")).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(scrape.statusCode()).as("%s scraped by the metrics account", service).isEqualTo(200);
                scrape.body().lines().filter(line -> !line.startsWith("#"))
                        .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
            }
            assertThat(exported).as("exported by the command and query services").containsAll(used);
        }
    }

    private static Set<String> metricsUsedBy(Path file) throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher matcher = LEDGER_METRIC.matcher(Files.readString(file));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
