package org.communityledger.command.dispatch;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.communityledger.platform.problem.InvalidFieldException;

/** How a command ended, as the metric {@code ledger.commands} tags it. */
public enum CommandOutcome {

    /** Its events were recorded. */
    ACCEPTED("accepted"),
    /** A retry with a known idempotency key, answered with the first outcome; nothing was recorded. */
    REPLAYED("replayed"),
    /** The community's rules refused it (409 with a rule). */
    REJECTED("rejected"),
    /** The community was not at the version the command expected (412), or kept changing under it (409). */
    CONFLICT("conflict"),
    /** The request could not be a command: a bad field, an unknown community or part, a reused key (4xx). */
    INVALID("invalid"),
    /** Anything else: the service could not do its part (5xx). */
    FAILED("failed");

    private final String tag;

    CommandOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The outcome of a command that ended with {@code failure}. */
    static CommandOutcome of(Throwable failure) {
        if (failure instanceof CommandRefusal refusal) {
            return refusal.outcome();
        }
        if (failure instanceof AggregateNotFoundException || failure instanceof InvalidFieldException) {
            return INVALID;
        }
        return FAILED;
    }
}
