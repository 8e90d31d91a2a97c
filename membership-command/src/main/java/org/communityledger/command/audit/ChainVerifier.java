package org.communityledger.command.audit;

import org.springframework.stereotype.Component;

/**
 * Recomputes a community's hash chain from the stored bytes, from its first event, and names the first event
 * that does not fit ({@link ChainWalk} says what fits).
 */
@Component
class ChainVerifier {

    private final StoredEvents storedEvents;

    ChainVerifier(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    Verification verify(String communityId, long upToPosition) {
        ChainWalk walk = ChainWalk.fromGenesis(communityId);
        storedEvents.streamCommunity(communityId, upToPosition, walk::check);
        return new Verification(communityId, walk.valid(), walk.checked(), walk.headHash(), walk.badVersion(),
                walk.reason());
    }

    /** The result of recomputing one community's chain. */
    record Verification(String communityId, boolean valid, long eventsChecked, String headHash, Long firstBadVersion,
                        String reason) {
    }
}
