package org.communityledger.launcher.operator.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityledger.launcher.operator.rebuild.ProgressBarTest.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.rebuild.RebuildApi;
import org.communityledger.client.rebuild.RebuildRequest;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.launcher.operator.CapturedTerminal;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.TestServices;
import org.junit.jupiter.api.Test;

class RebuildCommandTest {

    private static final Instant STARTED = Instant.parse("2026-11-30T10:00:00Z");

    private final List<Duration> pauses = new ArrayList<>();

    /** Answers the statuses given, one per poll; the first is what starting the rebuild answers. */
    private static final class ScriptedRebuild implements RebuildApi {
        private final Deque<RebuildStatus> statuses;
        final List<RebuildRequest> starts = new ArrayList<>();

        ScriptedRebuild(RebuildStatus... statuses) {
            this.statuses = new ArrayDeque<>(List.of(statuses));
        }

        @Override
        public RebuildStatus start(RebuildRequest request) {
            starts.add(request);
            return statuses.poll();
        }

        @Override
        public RebuildStatus status() {
            return statuses.size() > 1 ? statuses.poll() : statuses.peek();
        }
    }

    private int run(ScriptedRebuild rebuild, CapturedTerminal terminal, String... flags) {
        return run(rebuild, terminal, Map.of(), flags);
    }

    private int run(ScriptedRebuild rebuild, CapturedTerminal terminal, Map<String, String> values, String... flags) {
        QueryServiceClient query = new QueryServiceClient(null, null, null, rebuild, null, null, null, null, null,
                null);
        return new RebuildCommand(Duration.ofSeconds(1), pauses::add)
                .run(new ParsedArguments(values, Set.of(flags), List.of()), TestServices.of(query, null),
                        terminal.terminal());
    }

    private static RebuildStatus switched() {
        return new RebuildStatus(RebuildState.SWITCHED, STARTED, STARTED.plusMillis(12_300), 10_000, 813, 10_000,
                Map.of(), 0, 0L, null);
    }

    @Test
    void onATerminalRedrawsOneLineUntilTheSwitch() {
        ScriptedRebuild rebuild = new ScriptedRebuild(status(RebuildState.BUILDING, 0, 0, null),
                status(RebuildState.BUILDING, 4_000, 6_000, 3L), status(RebuildState.CATCHING_UP, 9_990, 10, 0L),
                switched());
        CapturedTerminal terminal = CapturedTerminal.interactive();

        int exit = run(rebuild, terminal);

        assertThat(exit).isEqualTo(ExitCode.OK);
        String[] lines = terminal.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("Rebuild started at 2026-11-30T10:00:00Z");
        // One physical line, redrawn: each status after a carriage return, the last one ended by the newline.
        assertThat(lines[1].split("\r")).hasSize(5)
                .satisfies(frames -> assertThat(frames[4]).startsWith("SWITCHED     [#####"));
        assertThat(lines[1].split("\r")[2]).contains(" 40%  4,000 applied").contains("ETA 3 s");
        assertThat(lines[2]).isEqualTo("Switched to the new views: 10,000 events applied in 12.3 s.");
        assertThat(pauses).hasSize(3).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void inALogPrintsPlainLinesOnEachChangeOfStage() {
        ScriptedRebuild rebuild = new ScriptedRebuild(status(RebuildState.BUILDING, 0, 0, null),
                status(RebuildState.BUILDING, 1_000, 9_000, 9L), status(RebuildState.BUILDING, 2_000, 8_000, 8L),
                status(RebuildState.CATCHING_UP, 9_990, 10, 0L), switched());
        CapturedTerminal terminal = CapturedTerminal.plain();

        run(rebuild, terminal);

        assertThat(terminal.out()).doesNotContain("\r");
        assertThat(terminal.out().lines().filter(line -> line.contains("[")))
                .extracting(line -> line.substring(0, 12).strip())
                .containsExactly("BUILDING", "CATCHING_UP", "SWITCHED");
    }

    @Test
    void theReasonGivenIsSentWithTheRequestThatStartsTheRebuild() {
        ScriptedRebuild withReason = new ScriptedRebuild(status(RebuildState.BUILDING, 0, 0, null), switched());
        ScriptedRebuild withoutReason = new ScriptedRebuild(status(RebuildState.BUILDING, 0, 0, null), switched());

        run(withReason, CapturedTerminal.plain(), Map.of(RebuildCommand.REASON, "views restored from a backup"));
        run(withoutReason, CapturedTerminal.plain());

        assertThat(withReason.starts).containsExactly(new RebuildRequest("views restored from a backup"));
        assertThat(withoutReason.starts).containsExactly(RebuildRequest.withoutReason());
    }

    @Test
    void aFailedRebuildExitsOneWithItsError() {
        RebuildStatus failed = new RebuildStatus(RebuildState.FAILED, STARTED, STARTED.plusSeconds(3), 500, 160, 500,
                Map.of(), 0, null, "the query instance running the rebuild stopped; the old views stay in place");
        ScriptedRebuild rebuild = new ScriptedRebuild(status(RebuildState.BUILDING, 0, 0, null), failed);
        CapturedTerminal terminal = CapturedTerminal.plain();

        int exit = run(rebuild, terminal);

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(terminal.out()).contains("Rebuild FAILED: the query instance running the rebuild stopped");
    }

    @Test
    void statusOnlyShowsWhereItStandsWithoutStartingOne() {
        ScriptedRebuild rebuild = new ScriptedRebuild(switched());
        CapturedTerminal terminal = CapturedTerminal.plain();

        int exit = run(rebuild, terminal, RebuildCommand.STATUS);

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(rebuild.starts).isEmpty();
        assertThat(terminal.out().lines()).containsExactly(
                "SWITCHED     [##############################] 100%  10,000 applied  813/s  0 to go  ETA -",
                "started 2026-11-30T10:00:00Z, finished 2026-11-30T10:00:12Z, global position reached 10,000");
    }
}
