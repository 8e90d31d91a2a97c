package org.communityledger.launcher.operator.status;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.communityledger.client.health.Health;
import org.communityledger.client.metrics.PrometheusMetrics;
import org.communityledger.client.quarantine.QuarantinedCommunity;
import org.communityledger.launcher.operator.Formats;
import org.communityledger.launcher.operator.Table;

/** The text of {@code ./ledger status}: one section per concern, the verdict last. */
final class StatusReport {

    static final String PUBLISHER_LAG_EVENTS = "ledger_publisher_lag_events";
    static final String PUBLISHER_LAG_OLDEST = "ledger_publisher_lag_oldest_seconds";
    static final String PROJECTION_LAG_RECORDS = "ledger_projection_lag_records";
    static final String PROJECTION_LAG_SECONDS = "ledger_projection_lag_seconds";
    static final String PARKED_TOTAL = "ledger_projection_records_parked_total";

    private static final String INDENT = "  ";
    private static final String NL = System.lineSeparator();

    private final SystemStatus status;
    private final StringBuilder text = new StringBuilder();

    private StatusReport(SystemStatus status) {
        this.status = status;
    }

    static String render(SystemStatus status, String commandUrl, String queryUrl) {
        return new StatusReport(status).write(commandUrl, queryUrl);
    }

    private String write(String commandUrl, String queryUrl) {
        line("Community Ledger: command service " + commandUrl + ", query service " + queryUrl);
        health();
        publisher();
        projectionLag();
        parked();
        quarantine();
        List<String> concerns = status.concerns();
        text.append(NL);
        line(concerns.isEmpty() ? "All UP; nothing parked or quarantined."
                : "Needs attention: " + String.join("; ", concerns) + ".");
        return text.toString();
    }

    /** Each component as a row, each service as a column: "-" where a service has no such component. */
    private void health() {
        section("Health");
        Table table = new Table("COMPONENT", "COMMAND", "QUERY");
        table.row("(overall)", overall(status.commandHealth()), overall(status.queryHealth()));
        TreeSet<String> components = new TreeSet<>();
        status.commandHealth().value().ifPresent(health -> components.addAll(health.components().keySet()));
        status.queryHealth().value().ifPresent(health -> components.addAll(health.components().keySet()));
        for (String component : components) {
            table.row(component, componentStatus(status.commandHealth(), component),
                    componentStatus(status.queryHealth(), component));
        }
        text.append(table.render(INDENT));
        failure("command service", status.commandHealth());
        failure("query service", status.queryHealth());
    }

    private static String overall(Reading<Health> health) {
        if (health.unreachable()) {
            return "UNREACHABLE";
        }
        return health.value().map(Health::status).orElse(Formats.UNKNOWN);
    }

    private static String componentStatus(Reading<Health> health, String component) {
        return health.value().map(read -> read.component(component).map(Health::status).orElse("-"))
                .orElse(Formats.UNKNOWN);
    }

    private void publisher() {
        section("Publisher (command service)");
        if (failure("metrics", status.commandMetrics())) {
            return;
        }
        PrometheusMetrics metrics = status.commandMetrics().value().orElseThrow();
        line(INDENT + Formats.count(metrics.value(PUBLISHER_LAG_EVENTS)) + " events stored but not yet published; "
                + "the oldest waiting " + Formats.seconds(metrics.value(PUBLISHER_LAG_OLDEST)) + " s");
    }

    private void projectionLag() {
        section("Projection lag (query service)");
        if (failure("metrics", status.queryMetrics())) {
            return;
        }
        PrometheusMetrics metrics = status.queryMetrics().value().orElseThrow();
        Map<String, Double> records = metrics.byLabel(PROJECTION_LAG_RECORDS, "partition");
        Map<String, Double> seconds = metrics.byLabel(PROJECTION_LAG_SECONDS, "partition");
        // Both gauges exist for every partition; either lists them, in numeric order.
        Set<String> partitions = records.isEmpty() ? seconds.keySet() : records.keySet();
        if (partitions.isEmpty()) {
            line(INDENT + Formats.UNKNOWN + " (the service reports no " + PROJECTION_LAG_RECORDS + ")");
            return;
        }
        Table table = new Table("PARTITION", "RECORDS", "SECONDS");
        for (String partition : partitions) {
            table.row(partition, Formats.count(optional(records.get(partition))),
                    Formats.seconds(optional(seconds.get(partition))));
        }
        text.append(table.render(INDENT));
    }

    private void parked() {
        section("Parked records (query service)");
        if (!failure("dead letters", status.parked())) {
            Map<String, Long> byKind = status.parkedByReasonKind();
            line(INDENT + (byKind.isEmpty() ? "none waiting"
                    : status.parkedCount() + " waiting: " + joined(byKind) + "   (./ledger dlt list)"));
        }
        String sinceStart = status.queryMetrics().value()
                // The counter appears with the first parked record: absent from readable metrics means none.
                .map(metrics -> metrics.byLabel(PARKED_TOTAL, "reason"))
                .map(byReason -> byReason.isEmpty() ? "none" : byReason.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + Formats.count(OptionalDouble.of(entry.getValue())))
                        .collect(Collectors.joining(", ")))
                .orElse(Formats.UNKNOWN);
        line(INDENT + "parked since the query service started: " + sinceStart);
    }

    private void quarantine() {
        section("Quarantined communities (query service)");
        if (failure("quarantine", status.quarantined())) {
            return;
        }
        List<QuarantinedCommunity> quarantined = status.quarantined().value().orElseThrow();
        if (quarantined.isEmpty()) {
            line(INDENT + "none");
            return;
        }
        Table table = new Table("COMMUNITY", "MISSING VERSION", "HELD EVENTS", "SINCE", "REASON");
        quarantined.forEach(community -> table.row(community.communityId(), community.missingVersion(),
                community.heldEvents(), Formats.instant(community.since()), community.reason()));
        text.append(table.render(INDENT));
    }

    private static String joined(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Writes why a reading failed, if it did, and tells whether it did. */
    private boolean failure(String what, Reading<?> reading) {
        if (reading.failed()) {
            line(INDENT + Formats.UNKNOWN + " (" + what + ": " + reading.failure() + ")");
        }
        return reading.failed();
    }

    private void section(String title) {
        text.append(NL);
        line(title);
    }

    private void line(String line) {
        text.append(line).append(NL);
    }
}
