package org.communityledger.launcher.operator;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.communityledger.client.LedgerClientException;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.LedgerUnreachableException;
import org.communityledger.launcher.operator.audit.ExportCommand;
import org.communityledger.launcher.operator.audit.VerifyCommand;
import org.communityledger.launcher.operator.deadletter.DiscardDeadLetterCommand;
import org.communityledger.launcher.operator.deadletter.ListDeadLettersCommand;
import org.communityledger.launcher.operator.deadletter.ReplayDeadLettersCommand;
import org.communityledger.launcher.operator.rebuild.RebuildCommand;
import org.communityledger.launcher.operator.status.StatusCommand;

/**
 * {@code ./ledger status | rebuild | dlt list|replay|discard | export | verify}: the operator's commands for a
 * running system, wherever it runs. Picks the command named by the first words, reads the rest of the command
 * line against its syntax, and turns what went wrong into a message and an {@link ExitCode}.
 */
public final class LedgerOperator {

    private final List<OperatorCommand> commands;
    private final Function<ConnectionSettings, Services> connector;

    LedgerOperator(List<OperatorCommand> commands, Function<ConnectionSettings, Services> connector) {
        this.commands = List.copyOf(commands);
        this.connector = connector;
    }

    public static void main(String[] args) {
        LedgerOperator operator = new LedgerOperator(List.of(new StatusCommand(), new RebuildCommand(),
                new ListDeadLettersCommand(), new ReplayDeadLettersCommand(), new DiscardDeadLetterCommand(),
                new ExportCommand(), new VerifyCommand()), Services::connect);
        System.exit(operator.run(List.of(args), System.getenv(), Terminal.system()));
    }

    int run(List<String> args, Map<String, String> env, Terminal terminal) {
        if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.get(0))) {
            terminal.out().print(usage());
            return ExitCode.OK;
        }
        Optional<OperatorCommand> named = commandNamedBy(args);
        if (named.isEmpty()) {
            terminal.err().println("ledger: " + unknown(args));
            terminal.err().print(usage());
            return ExitCode.USAGE;
        }
        OperatorCommand command = named.get();
        String prefix = "ledger " + command.name() + ": ";
        List<String> rest = args.subList(command.name().split(" ").length, args.size());
        try {
            if (rest.contains("--help") || rest.contains("-h")) {
                terminal.out().println("usage: ./ledger " + command.name() + " " + command.arguments());
                terminal.out().println("  " + command.summary());
                return ExitCode.OK;
            }
            ParsedArguments arguments = CommandLine.parse(rest, command.syntax().and(ConnectionSettings.SYNTAX));
            Services services = connector.apply(ConnectionSettings.resolve(arguments, env));
            return command.run(arguments, services, terminal);
        } catch (UsageException e) {
            terminal.err().println(prefix + e.getMessage());
            terminal.err().println("usage: ./ledger " + command.name() + " " + command.arguments());
            return ExitCode.USAGE;
        } catch (LedgerUnreachableException e) {
            terminal.err().println(prefix + e.getMessage() + "; is the system running (./ledger up)?");
            return ExitCode.UNREACHABLE;
        } catch (LedgerProblemException e) {
            terminal.err().println(prefix + e.problem().describe());
            return ExitCode.ATTENTION;
        } catch (LedgerClientException e) {
            terminal.err().println(prefix + e.getMessage());
            return ExitCode.ATTENTION;
        }
    }

    /** The command whose name is the longest run of leading words: "dlt list" before a command named "dlt". */
    private Optional<OperatorCommand> commandNamedBy(List<String> args) {
        return commands.stream()
                .filter(command -> {
                    List<String> words = List.of(command.name().split(" "));
                    return args.size() >= words.size() && args.subList(0, words.size()).equals(words);
                })
                .max(Comparator.comparingInt(command -> command.name().length()));
    }

    /** "dlt" alone names a group: say what may follow it. */
    private String unknown(List<String> args) {
        List<String> following = commands.stream().map(command -> List.of(command.name().split(" ")))
                .filter(words -> words.size() > 1 && words.get(0).equals(args.get(0)))
                .map(words -> words.get(1)).toList();
        return following.isEmpty() ? "no command '" + args.get(0) + "'"
                : "'" + args.get(0) + "' needs one of: " + String.join(", ", following);
    }

    String usage() {
        StringBuilder text = new StringBuilder("usage: ./ledger <command> [options]\n");
        for (OperatorCommand command : commands) {
            text.append(String.format(Locale.ROOT, "  %-42s %s%n", command.name() + " " + command.arguments(),
                    command.summary()));
        }
        text.append("""
                connection options (every command but verify --export, which asks no service):
                  --command-url URL   command service (LEDGER_COMMAND_URL; default http://127.0.0.1:$LEDGER_COMMAND_PORT, 8080)
                  --query-url URL     query service (LEDGER_QUERY_URL; default http://127.0.0.1:$LEDGER_QUERY_PORT, 8081)
                  --user NAME --password SECRET   HTTP Basic (LEDGER_USER, LEDGER_PASSWORD)
                  --token TOKEN       bearer token (LEDGER_TOKEN)
                  without either: admin/admin for admin and metrics calls, auditor/auditor for audit calls
                exit codes: 0 done (status: all UP, nothing parked or quarantined), 1 needs attention or refused,
                  2 a service cannot be reached, 64 wrong command line
                """);
        return text.toString();
    }
}
