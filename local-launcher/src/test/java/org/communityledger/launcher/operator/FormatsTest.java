package org.communityledger.launcher.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void writesDurationsForPeople() {
        assertThat(Formats.duration(8)).isEqualTo("8 s");
        assertThat(Formats.duration(185)).isEqualTo("3 min 05 s");
        assertThat(Formats.duration(3720)).isEqualTo("1 h 02 min");
        assertThat(Formats.elapsed(Duration.ofMillis(820))).isEqualTo("0.8 s");
        assertThat(Formats.elapsed(Duration.ofSeconds(61))).isEqualTo("1 min 01 s");
    }

    @Test
    void writesAMissingMetricAsAQuestionMark() {
        assertThat(Formats.count(OptionalDouble.empty())).isEqualTo("?");
        assertThat(Formats.seconds(OptionalDouble.empty())).isEqualTo("?");
        assertThat(Formats.count(OptionalDouble.of(12345.0))).isEqualTo("12,345");
        assertThat(Formats.seconds(OptionalDouble.of(0.25))).isEqualTo("0.3");
    }

    @Test
    void writesInstantsToTheSecond() {
        assertThat(Formats.instant(Instant.parse("2026-11-30T09:15:02.118Z"))).isEqualTo("2026-11-30T09:15:02Z");
        assertThat(Formats.instant(null)).isEqualTo("-");
    }
}
