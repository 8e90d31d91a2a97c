package org.communityledger.launcher.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.LedgerUnreachableException;
import org.communityledger.client.Problem;
import org.junit.jupiter.api.Test;

class LedgerOperatorTest {

    private final List<String> ran = new ArrayList<>();
    private final List<ConnectionSettings> connected = new ArrayList<>();
    private final CapturedTerminal terminal = CapturedTerminal.plain();

    /** A command that records how it was called and then does what the test says. */
    private OperatorCommand command(String name, Function<ParsedArguments, Integer> body) {
        return new OperatorCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String arguments() {
                return "[--all]";
            }

            @Override
            public String summary() {
                return "does " + name;
            }

            @Override
            public Syntax syntax() {
                return Syntax.none().withFlags("--all").withPositionals(1);
            }

            @Override
            public int run(ParsedArguments arguments, Services services, Terminal terminal) {
                ran.add(name + " " + arguments.positionals() + (arguments.flag("--all") ? " all" : ""));
                return body.apply(arguments);
            }
        };
    }

    private int run(List<OperatorCommand> commands, String... args) {
        LedgerOperator operator = new LedgerOperator(commands, settings -> {
            connected.add(settings);
            return null;
        });
        return operator.run(List.of(args), Map.of(), terminal.terminal());
    }

    @Test
    void runsTheCommandNamedByTheLongestRunOfWords() {
        List<OperatorCommand> commands = List.of(command("dlt list", arguments -> 0),
                command("dlt replay", arguments -> 0));

        int exit = run(commands, "dlt", "replay", "12", "--query-url", "http://q:1");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(ran).containsExactly("dlt replay [12]");
        assertThat(connected).singleElement().satisfies(settings ->
                assertThat(settings.queryUrl()).isEqualTo("http://q:1"));
    }

    @Test
    void aGroupAloneSaysWhatMayFollowIt() {
        int exit = run(List.of(command("dlt list", arguments -> 0), command("dlt discard", arguments -> 0)), "dlt");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(terminal.err()).startsWith("ledger: 'dlt' needs one of: list, discard\n");
        assertThat(ran).isEmpty();
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        List<OperatorCommand> commands = List.of(command("status", arguments -> 0));

        assertThat(run(commands, "stats")).isEqualTo(ExitCode.USAGE);
        assertThat(terminal.err()).startsWith("ledger: no command 'stats'\nusage: ./ledger <command>");
        assertThat(run(commands, "status", "--verbose")).isEqualTo(ExitCode.USAGE);
        assertThat(terminal.err()).contains("ledger status: unknown option --verbose\nusage: ./ledger status [--all]");
        assertThat(ran).isEmpty();
    }

    @Test
    void helpListsEveryCommandAndTheConnectionOptions() {
        assertThat(run(List.of(command("status", arguments -> 0)), "--help")).isEqualTo(ExitCode.OK);
        assertThat(terminal.out()).contains("  status [--all]").contains("does status").contains("--token TOKEN")
                .contains("2 a service cannot be reached");
    }

    @Test
    void anUnreachableServiceExitsTwo() {
        int exit = run(List.of(command("verify", arguments -> {
            throw new LedgerUnreachableException("http://127.0.0.1:8080", new ConnectException("Connection refused"));
        })), "verify");

        assertThat(exit).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(terminal.err()).isEqualTo("ledger verify: cannot reach http://127.0.0.1:8080 (connection refused); "
                + "is the system running (./ledger up)?\n");
    }

    @Test
    void aRefusalExitsOneWithTheProblemsTitleAndDetail() {
        int exit = run(List.of(command("rebuild", arguments -> {
            throw new LedgerProblemException("POST", URI.create("http://127.0.0.1:8081/api/admin/projections/rebuild"),
                    new Problem("urn:community-ledger:problem:rebuild-running", "Rebuild already running", 409,
                            "A rebuild is already running; follow it at /api/admin/projections/status.", null, null));
        })), "rebuild");

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(terminal.err()).isEqualTo("ledger rebuild: 409 Rebuild already running: A rebuild is already "
                + "running; follow it at /api/admin/projections/status.\n");
    }

    @Test
    void passesOnTheCommandsOwnExitCode() {
        assertThat(run(List.of(command("status", arguments -> ExitCode.ATTENTION)), "status"))
                .isEqualTo(ExitCode.ATTENTION);
    }
}
