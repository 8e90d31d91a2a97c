package org.communityledger.query.projection;

import org.communityledger.events.value.CommunityId;

/**
 * An event arrived before one that must precede it. Never skipped: the record is retried until the
 * missing event has been applied, because skipping would leave the view wrong for ever.
 */
class SequenceGapException extends RuntimeException {

    SequenceGapException(CommunityId communityId, long applied, long arrived) {
        super("community " + communityId + " has version " + applied + " applied, but event " + arrived
                + " arrived; waiting for " + (applied + 1));
    }
}
