package org.communityledger.client.audit;

/**
 * The outcome of recomputing one community's hash chain.
 *
 * @param headHash        the hash of the community's last event
 * @param firstBadVersion the first version whose hash does not hold, when the chain is broken
 * @param reason          what is wrong, when the chain is broken
 */
public record ChainVerification(String communityId, boolean valid, long eventsChecked, String headHash,
                                Long firstBadVersion, String reason) {
}
