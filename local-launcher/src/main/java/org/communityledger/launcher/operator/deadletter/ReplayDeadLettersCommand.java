package org.communityledger.launcher.operator.deadletter;

import org.communityledger.client.deadletter.DeadLetterApi;
import org.communityledger.client.deadletter.ReplaySelection;
import org.communityledger.client.deadletter.Replayed;
import org.communityledger.client.deadletter.Replays;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Services;
import org.communityledger.launcher.operator.Syntax;
import org.communityledger.launcher.operator.Table;
import org.communityledger.launcher.operator.Terminal;
import org.communityledger.launcher.operator.UsageException;

/**
 * {@code ./ledger dlt replay ID | --all | --community ID}: applies parked records again once their cause is
 * fixed. Exits 1 when any still cannot be applied.
 */
public final class ReplayDeadLettersCommand implements OperatorCommand {

    static final String ALL = "--all";
    static final String COMMUNITY = "--community";

    @Override
    public String name() {
        return "dlt replay";
    }

    @Override
    public String arguments() {
        return "ID | --all | --community ID";
    }

    @Override
    public String summary() {
        return "apply parked records again: one, all, or one community's";
    }

    @Override
    public Syntax syntax() {
        return Syntax.none().withValues(COMMUNITY).withFlags(ALL).withPositionals(1);
    }

    @Override
    public int run(ParsedArguments arguments, Services services, Terminal terminal) {
        boolean all = arguments.flag(ALL);
        boolean community = arguments.value(COMMUNITY).isPresent();
        boolean one = !arguments.positionals().isEmpty();
        if ((all ? 1 : 0) + (community ? 1 : 0) + (one ? 1 : 0) != 1) {
            throw new UsageException("name one dead letter's ID, or --all, or --community ID");
        }
        DeadLetterApi deadLetters = services.queryAsAdmin().deadLetters();
        if (one) {
            Replayed replayed = deadLetters.replay(DeadLetterIds.parse(arguments.positionals().get(0)));
            terminal.out().println("Dead letter " + replayed.id() + ": " + replayed.outcome() + released(replayed)
                    + "; now " + replayed.status() + ".");
            return ExitCode.OK;
        }
        Replays replays = deadLetters.replay(all ? ReplaySelection.all()
                : ReplaySelection.community(arguments.value(COMMUNITY).orElseThrow()));
        return report(replays, terminal);
    }

    private static int report(Replays replays, Terminal terminal) {
        if (replays.replayed().isEmpty() && replays.failed().isEmpty()) {
            terminal.out().println("Nothing was parked.");
            return ExitCode.OK;
        }
        if (!replays.replayed().isEmpty()) {
            Table replayed = new Table("ID", "OUTCOME", "HELD EVENTS RELEASED", "STATUS");
            replays.replayed().forEach(one -> replayed.row(one.id(), one.outcome(), one.releasedEvents(),
                    one.status()));
            terminal.out().print(replayed.render(""));
        }
        if (!replays.failed().isEmpty()) {
            Table failed = new Table("ID", "STILL FAILING");
            replays.failed().forEach(one -> failed.row(one.id(), one.detail()));
            terminal.out().print(failed.render(""));
        }
        terminal.out().println(replays.replayed().size() + " replayed, " + replays.failed().size()
                + " still failing.");
        return replays.failed().isEmpty() ? ExitCode.OK : ExitCode.ATTENTION;
    }

    private static String released(Replayed replayed) {
        Integer released = replayed.releasedEvents();
        return released == null || released == 0 ? "" : " (" + released + " held events released)";
    }
}
