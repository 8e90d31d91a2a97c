package org.communityledger.client.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    @Test
    void readsSamplesWithAndWithoutLabels() {
        PrometheusMetrics metrics = PrometheusMetrics.parse("""
                # HELP ledger_publisher_lag_events events stored but not yet published
                # TYPE ledger_publisher_lag_events gauge
                ledger_publisher_lag_events 42.0
                ledger_projection_lag_records{partition="0"} 3.0
                ledger_projection_lag_records{partition="1",} 5.0
                """);

        assertThat(metrics.value("ledger_publisher_lag_events")).hasValue(42);
        assertThat(metrics.byLabel("ledger_projection_lag_records", "partition"))
                .containsExactly(Map.entry("0", 3.0), Map.entry("1", 5.0));
    }

    @Test
    void aMissingMetricIsAbsentNotAnError() {
        PrometheusMetrics metrics = PrometheusMetrics.parse("jvm_threads_live_threads 31.0\n");

        assertThat(metrics.value("ledger_publisher_lag_events")).isEmpty();
        assertThat(metrics.byLabel("ledger_projection_lag_records", "partition")).isEmpty();
    }

    @Test
    void sortsPartitionsAsNumbersAndReasonsAsText() {
        PrometheusMetrics metrics = PrometheusMetrics.parse("""
                ledger_projection_lag_seconds{partition="10"} 1.0
                ledger_projection_lag_seconds{partition="2"} 2.0
                ledger_projection_records_parked_total{reason="unreadable"} 1.0
                ledger_projection_records_parked_total{reason="not-applicable"} 4.0
                """);

        assertThat(metrics.byLabel("ledger_projection_lag_seconds", "partition").keySet()).containsExactly("2", "10");
        assertThat(metrics.byLabel("ledger_projection_records_parked_total", "reason").keySet())
                .containsExactly("not-applicable", "unreadable");
    }

    @Test
    void addsUpSamplesThatDifferOnlyInOtherLabels() {
        PrometheusMetrics metrics = PrometheusMetrics.parse("""
                ledger_projection_records_parked_total{instance="a",reason="unreadable"} 1.0
                ledger_projection_records_parked_total{instance="b",reason="unreadable"} 2.0
                """);

        assertThat(metrics.byLabel("ledger_projection_records_parked_total", "reason"))
                .containsExactly(Map.entry("unreadable", 3.0));
        assertThat(metrics.value("ledger_projection_records_parked_total")).hasValue(3);
    }

    @Test
    void readsEscapesInLabelValuesAndTheFormatsSpecialNumbers() {
        PrometheusMetrics metrics = PrometheusMetrics.parse("""
                odd{path="a \\"quoted\\" \\\\ value, with {braces}"} +Inf 1700000000000
                not_a_number NaN
                below -Inf
                """);

        MetricSample odd = metrics.samples("odd").get(0);
        assertThat(odd.label("path")).isEqualTo("a \"quoted\" \\ value, with {braces}");
        assertThat(odd.value()).isInfinite();
        assertThat(metrics.value("not_a_number").getAsDouble()).isNaN();
        assertThat(metrics.value("below").getAsDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void skipsLinesItCannotRead() {
        PrometheusMetrics metrics = PrometheusMetrics.parse("""
                broken{partition="0" 1.0
                no_value{partition="0"}
                {partition="0"} 2.0
                fine 1.5
                """);

        assertThat(metrics.samples("broken")).isEmpty();
        assertThat(metrics.samples("no_value")).isEmpty();
        assertThat(metrics.value("fine")).hasValue(1.5);
    }

    @Test
    void readsWindowsLineEnds() {
        assertThat(PrometheusMetrics.parse("a 1.0\r\nb 2.0\r\n").value("b")).hasValue(2);
    }
}
