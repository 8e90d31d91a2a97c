package org.communityledger.launcher.operator.deadletter;

import java.util.List;
import org.communityledger.client.deadletter.DeadLetter;
import org.communityledger.client.deadletter.Discard;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Services;
import org.communityledger.launcher.operator.Syntax;
import org.communityledger.launcher.operator.Terminal;
import org.communityledger.launcher.operator.UsageException;

/** {@code ./ledger dlt discard ID --reason TEXT}: gives up on a parked record, with the reason kept beside it. */
public final class DiscardDeadLetterCommand implements OperatorCommand {

    static final String REASON = "--reason";

    @Override
    public String name() {
        return "dlt discard";
    }

    @Override
    public String arguments() {
        return "ID --reason TEXT";
    }

    @Override
    public String summary() {
        return "give up on a parked record, recording why";
    }

    @Override
    public Syntax syntax() {
        return Syntax.none().withValues(REASON).withPositionals(1);
    }

    @Override
    public int run(ParsedArguments arguments, Services services, Terminal terminal) {
        if (arguments.positionals().isEmpty()) {
            throw new UsageException("name the dead letter's ID");
        }
        long id = DeadLetterIds.parse(arguments.positionals().get(0));
        String reason = arguments.value(REASON).filter(text -> !text.isBlank())
                .orElseThrow(() -> new UsageException(REASON + " TEXT is required: it is kept with the dead letter"));
        DeadLetter discarded = services.queryAsAdmin().deadLetters().discard(id, new Discard(reason.strip()));
        terminal.out().print(DeadLetterTable.all(List.of(discarded)));
        return ExitCode.OK;
    }
}
