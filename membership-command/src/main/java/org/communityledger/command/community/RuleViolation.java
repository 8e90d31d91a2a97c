package org.communityledger.command.community;

import org.communityledger.command.dispatch.CommandOutcome;
import org.communityledger.command.dispatch.CommandRefusal;

/** A command that the community's rules refuse; nothing is recorded. Answered as 409. */
public class RuleViolation extends RuntimeException implements CommandRefusal {

    private final Rule rule;

    RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    @Override
    public CommandOutcome outcome() {
        return CommandOutcome.REJECTED;
    }
}
