package org.communityledger.command.community;

/** A command that the community's rules refuse; nothing is recorded. Answered as 409. */
class RuleViolation extends RuntimeException {

    private final Rule rule;

    RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }
}
