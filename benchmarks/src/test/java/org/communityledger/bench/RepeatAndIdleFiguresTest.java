package org.communityledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures issue 18 added: repeated runs summarised, and idle statements counted from the server's log. */
class RepeatAndIdleFiguresTest {

    @Test
    void repeatedRunsAreSummarisedByMedianSpreadAndHowManyMet() {
        RepeatSummary summary = new RepeatSummary(List.of(
                run(Figure.ratioTo("P1", "joins", 300, "commands/s", 3000, 0.10, ""), p9(2.0)),
                run(Figure.ratioTo("P1", "joins", 400, "commands/s", 3000, 0.10, ""), p9(1.2)),
                run(Figure.ratioTo("P1", "joins", 350, "commands/s", 5000, 0.10, ""), p9(1.4))));

        RepeatSummary.Row p1 = summary.rows().get(0);
        assertThat(p1.median()).isEqualTo(350);
        assertThat(p1.lowest()).isEqualTo(300);
        assertThat(p1.highest()).isEqualTo(400);
        assertThat(p1.spread()).isCloseTo(100.0 / 350, org.assertj.core.data.Offset.offset(1e-9));
        // each run against its own ceiling: 0.100, 0.133, 0.070
        assertThat(p1.medianRatio()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p1.met()).isEqualTo(2);
        assertThat(p1.judged()).isEqualTo(3);
        RepeatSummary.Row p9 = summary.rows().get(1);
        assertThat(p9.median()).isEqualTo(1.4);
        assertThat(p9.met()).isEqualTo(2);
        assertThat(summary.markdown()).contains("| P9 |").contains("2 of 3");
    }

    @Test
    void figuresWithOneIdButDifferentSubjectsStayApartWhileARateInTheWordsDoesNotSplitThem() {
        Figure commandMemory = new Figure("P8", "peak RSS of membership-command during P1", 360, "MB", Double.NaN,
                "≤ 512 MB", true, "");
        Figure queryMemory = new Figure("P8", "peak RSS of membership-query during P1", 300, "MB", Double.NaN,
                "≤ 512 MB", true, "");
        RepeatSummary summary = new RepeatSummary(List.of(
                run(commandMemory, queryMemory, p3(" at 120 commands/s", 48)),
                run(commandMemory, queryMemory, p3(" at 107 commands/s", 62))));

        assertThat(summary.rows()).extracting(RepeatSummary.Row::id).containsExactly("P8", "P8", "P3");
        assertThat(summary.rows().get(0).median()).isEqualTo(360);
        assertThat(summary.rows().get(1).median()).isEqualTo(300);
        assertThat(summary.rows().get(2).values()).containsExactly(48.0, 62.0);
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        assertThat(RepeatSummary.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void repeatDrainAndRebuildTakeANumberAndRefuseAnythingElse() {
        assertThat(LedgerBench.count(List.of("--quick"), "--repeat", 1)).isEqualTo(1);
        assertThat(LedgerBench.count(List.of("--repeat", "3", "--quick"), "--repeat", 1)).isEqualTo(3);
        assertThat(LedgerBench.count(List.of("--quick"), "--drain", 0)).isZero();
        assertThat(LedgerBench.count(List.of("--drain", "6"), "--drain", 0)).isEqualTo(6);
        assertThat(LedgerBench.count(List.of("--rebuild", "4", "--drain", "2"), "--rebuild", 0)).isEqualTo(4);
        assertThatThrownBy(() -> LedgerBench.count(List.of("--repeat"), "--repeat", 1)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerBench.count(List.of("--repeat", "0"), "--repeat", 1)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerBench.count(List.of("--drain", "many"), "--drain", 0)).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void idleStatementsCountEveryStatementLineAndNothingElse() {
        String log = String.join("\n",
                "2026-12-01 16:30:22.464 UTC [5970] LOG:  statement: BEGIN",
                "2026-12-01 16:30:22.464 UTC [5970] LOG:  execute S_11: SELECT processor_name FROM token_entry",
                "2026-12-01 16:30:22.464 UTC [5970] DETAIL:  parameters: $1 = 'kafka-publisher', $2 = '0'",
                "2026-12-01 16:30:22.465 UTC [5970] LOG:  execute S_7: COMMIT",
                "2026-12-01 16:30:22.861 UTC [5854] LOG:  statement: ",
                "\tfrom quarantine q left join held_event h on h.community_id = q.community_id",
                "2026-12-01 16:30:22.900 UTC [5854] LOG:  checkpoint starting: time");

        IdleStatements.Result idle = IdleStatements.count(log, 2.0);

        assertThat(idle.statements()).isEqualTo(4);
        assertThat(idle.perSecond()).isEqualTo(2.0);
        assertThat(idle.byKind()).containsEntry("BEGIN", 1L).containsEntry("COMMIT", 1L)
                .containsEntry("(empty: connection check)", 1L);
        assertThat(idle.detail()).contains("4 statements in 2 s");
    }

    private static Figure p3(String rate, double p50) {
        return new Figure("P3", "command 2xx → change on /api/stream" + rate, p50, "ms p50", Double.NaN,
                "p50 ≤ 50 ms", p50 <= 50, "");
    }

    private static Figure p9(double millis) {
        return new Figure("P9", "cpu", millis, "ms/command", Double.NaN, "≤ 1.5 ms", millis <= 1.5, "");
    }

    private static Report run(Figure... figures) {
        Report report = new Report();
        for (Figure figure : figures) {
            report.add(figure);
        }
        return report;
    }
}
