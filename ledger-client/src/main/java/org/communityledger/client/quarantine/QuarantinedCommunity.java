package org.communityledger.client.quarantine;

import java.time.Instant;

/**
 * A community whose views stopped at the version before {@code missingVersion}, because that event was parked
 * or has not arrived; {@code heldEvents} of its later events wait for it.
 */
public record QuarantinedCommunity(String communityId, long missingVersion, long heldEvents, Instant since,
                                   String reason) {
}
