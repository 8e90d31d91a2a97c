package org.communityledger.command.community;

/**
 * A command that the community's rules refuse. Answered as 409 with the rule's name as the problem
 * type; nothing is recorded.
 */
public abstract class CommunityRuleViolation extends RuntimeException {

    protected CommunityRuleViolation(String message) {
        super(message);
    }

    /** A short, stable, kebab-case name of the rule, used in the problem type URI. */
    public abstract String rule();
}
