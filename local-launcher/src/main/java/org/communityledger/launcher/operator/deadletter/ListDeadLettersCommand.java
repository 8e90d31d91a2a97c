package org.communityledger.launcher.operator.deadletter;

import java.util.List;
import org.communityledger.client.deadletter.DeadLetter;
import org.communityledger.client.deadletter.DeadLetterApi;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Services;
import org.communityledger.launcher.operator.Syntax;
import org.communityledger.launcher.operator.Terminal;
import org.communityledger.launcher.operator.UsageException;

/**
 * {@code ./ledger dlt list [--community ID] [--all] [--limit N]}: the parked records, or (--all) every dead
 * letter, newest first; the service answers 200 unless told otherwise.
 */
public final class ListDeadLettersCommand implements OperatorCommand {

    static final String COMMUNITY = "--community";
    static final String ALL = "--all";
    static final String LIMIT = "--limit";

    @Override
    public String name() {
        return "dlt list";
    }

    @Override
    public String arguments() {
        return "[--community ID] [--all] [--limit N]";
    }

    @Override
    public String summary() {
        return "parked records (--all: also those replayed or discarded)";
    }

    @Override
    public Syntax syntax() {
        return Syntax.none().withValues(COMMUNITY, LIMIT).withFlags(ALL);
    }

    @Override
    public int run(ParsedArguments arguments, Services services, Terminal terminal) {
        boolean all = arguments.flag(ALL);
        String community = arguments.value(COMMUNITY).orElse(null);
        Integer limit = arguments.value(LIMIT).map(ListDeadLettersCommand::limit).orElse(null);
        List<DeadLetter> deadLetters = services.queryAsAdmin().deadLetters()
                .list(all ? null : DeadLetter.PARKED, community, limit).items();
        String scope = community == null ? "" : " of community " + community;
        if (deadLetters.isEmpty()) {
            terminal.out().println((all ? "No dead letters" : "No parked records") + scope + ".");
            return ExitCode.OK;
        }
        terminal.out().print(all ? DeadLetterTable.all(deadLetters) : DeadLetterTable.parked(deadLetters));
        long parked = deadLetters.stream().filter(deadLetter -> DeadLetter.PARKED.equals(deadLetter.status())).count();
        terminal.out().println(parked + " parked" + scope + (all ? " of " + deadLetters.size() + " dead letters" : "")
                + (parked == 0 ? "." : "; ./ledger dlt replay ID|--all once the cause is fixed, or dlt discard ID "
                + "--reason TEXT."));
        return ExitCode.OK;
    }

    private static int limit(String typed) {
        try {
            int limit = Integer.parseInt(typed);
            if (limit >= 1 && limit <= DeadLetterApi.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new UsageException(LIMIT + " must be a number from 1 to " + DeadLetterApi.MAX_LIMIT + ", not '"
                + typed + "'");
    }
}
