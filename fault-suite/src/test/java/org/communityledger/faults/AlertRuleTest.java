package org.communityledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static final String RULES = """
            groups:
              - name: community-ledger
                rules:
                  - alert: Other
                    expr: max(other_metric) > 1
                    for: 5m
                  - alert: Lagging
                    expr: "max(ledger_lag_seconds) > 60"
                    for: 1m30s
                    labels:
                      severity: critical
                  - alert: Summed
                    expr: sum(ledger_lag_seconds) > 60
            """;

    @Test
    void reads_the_named_rule_of_the_form_it_can_judge() {
        AlertRule rule = AlertRule.parse(RULES, "Lagging", "rules");

        assertThat(rule.metric()).isEqualTo("ledger_lag_seconds");
        assertThat(rule.threshold()).isEqualTo(60);
        assertThat(rule.holdFor()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void a_rule_of_another_form_or_a_missing_one_fails_loudly() {
        assertThatThrownBy(() -> AlertRule.parse(RULES, "Summed", "rules"))
                .hasMessageContaining("no longer of the form max(<metric>) > <number>");
        assertThatThrownBy(() -> AlertRule.parse(RULES, "Absent", "rules")).hasMessageContaining("no alert rule Absent");
    }

    @Test
    void fires_only_when_every_sample_over_its_for_is_above_the_threshold() {
        AlertRule rule = new AlertRule("Lagging", "age", 60, Duration.ofSeconds(5));

        assertThat(rule.wouldFire(samples(59, 61, 62, 63, 64, 65, 66))).isTrue();
        assertThat(rule.longestAbove(samples(61, 62, 63, 64, 65, 60, 61))).isEqualTo(Duration.ofSeconds(4));
        // A scrape without a value ends the streak, as it ends a pending alert in Prometheus.
        assertThat(rule.wouldFire(samples(61, 62, 63, Double.NaN, 65, 66, 67))).isFalse();
        assertThat(new AlertRule("Now", "age", 60, Duration.ZERO).wouldFire(samples(10, 61))).isTrue();
        assertThat(new AlertRule("Now", "age", 60, Duration.ZERO).wouldFire(samples(10, 60))).isFalse();
    }

    /** One sample a second. */
    private static List<MetricSampler.Sample> samples(double... ages) {
        List<MetricSampler.Sample> samples = new ArrayList<>();
        for (int second = 0; second < ages.length; second++) {
            samples.add(new MetricSampler.Sample(Duration.ofSeconds(second).toNanos(), Map.of("age", ages[second])));
        }
        return samples;
    }
}
