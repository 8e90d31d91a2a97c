package org.communityledger.launcher.operator.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.deadletter.ReplayOutcome;
import org.communityledger.client.deadletter.Replayed;
import org.communityledger.client.deadletter.Replays;
import org.communityledger.launcher.operator.CapturedTerminal;
import org.communityledger.launcher.operator.CommandLine;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.FakeDeadLetters;
import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.TestServices;
import org.communityledger.launcher.operator.UsageException;
import org.junit.jupiter.api.Test;

class DeadLetterCommandsTest {

    private static final String COMMUNITY = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e";

    private final FakeDeadLetters deadLetters = new FakeDeadLetters();
    private final CapturedTerminal terminal = CapturedTerminal.plain();

    private int run(OperatorCommand command, String... arguments) {
        QueryServiceClient query = new QueryServiceClient(null, null, null, null, deadLetters, null, null, null, null,
                null);
        return command.run(CommandLine.parse(List.of(arguments), command.syntax()), TestServices.of(query, null),
                terminal.terminal());
    }

    @Test
    void listsParkedRecordsInATable() {
        deadLetters.with(FakeDeadLetters.parked(12, "not-applicable", COMMUNITY, "duplicate key"));

        int exit = run(new ListDeadLettersCommand(), "--community", COMMUNITY);

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(deadLetters.calls).containsExactly("list PARKED " + COMMUNITY + " null");
        assertThat(terminal.out().lines()).startsWith(
                "ID  KIND            COMMUNITY                             VERSION  POSITION  PARTITION/OFFSET  PARKED AT             REASON",
                "12  not-applicable  c6b93fc9-2d1d-4018-91b3-a4ac57262e0e  7        123       2/55              2026-11-30T09:15:02Z  duplicate key");
        assertThat(terminal.out()).contains("1 parked of community " + COMMUNITY + ";");
    }

    @Test
    void listsEveryDeadLetterWithAll() {
        run(new ListDeadLettersCommand(), "--all", "--limit", "1000");

        assertThat(deadLetters.calls).containsExactly("list null null 1000");
        assertThat(terminal.out()).isEqualTo("No dead letters.\n");
    }

    @Test
    void refusesALimitTheServiceWouldRefuse() {
        assertThatThrownBy(() -> run(new ListDeadLettersCommand(), "--limit", "5000"))
                .isInstanceOf(UsageException.class).hasMessage("--limit must be a number from 1 to 1000, not '5000'");
        assertThat(deadLetters.calls).isEmpty();
    }

    @Test
    void replaysOne() {
        int exit = run(new ReplayDeadLettersCommand(), "12");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(deadLetters.calls).containsExactly("replay 12");
        assertThat(terminal.out()).isEqualTo("Dead letter 12: APPLIED (3 held events released); now REPLAYED.\n");
    }

    @Test
    void replayingSeveralExitsOneWhenAnyStillFails() {
        deadLetters.replays = new Replays(List.of(new Replayed(12, ReplayOutcome.ALREADY_APPLIED, "REPLAYED", 0)),
                List.of(new Replays.NotReplayed(13, "still cannot be read")));

        int exit = run(new ReplayDeadLettersCommand(), "--community", COMMUNITY);

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(deadLetters.calls).containsExactly("replay ReplaySelection[communityId=" + COMMUNITY + "]");
        assertThat(terminal.out()).contains("12  ALREADY_APPLIED  0                     REPLAYED")
                .contains("13  still cannot be read").endsWith("1 replayed, 1 still failing.\n");
    }

    @Test
    void replayingAllWhenNothingIsParkedSaysSo() {
        assertThat(run(new ReplayDeadLettersCommand(), "--all")).isEqualTo(ExitCode.OK);
        assertThat(deadLetters.calls).containsExactly("replay ReplaySelection[communityId=null]");
        assertThat(terminal.out()).isEqualTo("Nothing was parked.\n");
    }

    @Test
    void replayNeedsExactlyOneChoice() {
        assertThatThrownBy(() -> run(new ReplayDeadLettersCommand()))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> run(new ReplayDeadLettersCommand(), "12", "--all"))
                .isInstanceOf(UsageException.class).hasMessage("name one dead letter's ID, or --all, or --community ID");
        assertThatThrownBy(() -> run(new ReplayDeadLettersCommand(), "twelve"))
                .isInstanceOf(UsageException.class).hasMessageContaining("not 'twelve'");
        assertThat(deadLetters.calls).isEmpty();
    }

    @Test
    void discardsWithTheReasonAndShowsTheResult() {
        int exit = run(new DiscardDeadLetterCommand(), "13", "--reason", "  written by a test build  ");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(deadLetters.calls).containsExactly("discard 13 written by a test build");
        assertThat(terminal.out()).contains("13  DISCARDED").contains("admin")
                .contains("unknown event name MemberPromoted  => written by a test build");
    }

    @Test
    void aDiscardNeedsAReason() {
        assertThatThrownBy(() -> run(new DiscardDeadLetterCommand(), "13"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--reason TEXT is required");
        assertThatThrownBy(() -> run(new DiscardDeadLetterCommand(), "13", "--reason", " "))
                .isInstanceOf(UsageException.class);
        assertThat(deadLetters.calls).isEmpty();
    }
}
