package org.communityledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole fault suite, as ./ledger faults runs it; only with -Pfaults (it takes minutes). */
class FaultSuiteIT {

    @Test
    void no_fault_loses_or_doubles_an_acknowledged_command_and_every_scenario_passes() throws Exception {
        Path home = Path.of(System.getProperty("ledger.home", "..")).toAbsolutePath().normalize();
        FaultReport report = LedgerFaults.run(home, FaultPlan.full(), List.of(), false);
        report.write(home.resolve("fault-results"));
        System.out.println(report.markdown());

        assertThat(report.passed()).as("the check's self-test and every scenario").isTrue();
        assertThat(report.outcomes()).extracting(Outcome::number)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
        assertThat(report.outcomes()).allSatisfy(outcome -> {
            assertThat(outcome.tally().lost()).as("lost in scenario " + outcome.number()).isZero();
            assertThat(outcome.tally().appliedTwice()).as("applied twice in scenario " + outcome.number()).isZero();
            assertThat(outcome.findings()).as("findings of scenario " + outcome.number()).isEmpty();
        });
        assertThat(report.outcomes()).filteredOn(outcome -> !outcome.number().equals("10"))
                .allSatisfy(outcome -> assertThat(outcome.tally().acked()).isPositive());
    }
}
