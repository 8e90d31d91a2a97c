package org.communityledger.client.deadletter;

/**
 * What a replay did with one dead letter.
 *
 * @param status         the dead letter's status afterwards (REPLAYED)
 * @param releasedEvents events its community held behind it that were applied after it, when the service says
 */
public record Replayed(long id, ReplayOutcome outcome, String status, Integer releasedEvents) {

    public Replayed {
        outcome = outcome == null ? ReplayOutcome.UNKNOWN : outcome;
    }
}
