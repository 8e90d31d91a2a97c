package org.communityledger.query.live;

import java.util.Set;

/**
 * The change feed broadcast changes of these event types to its stream clients, whichever instance applied
 * them; announced in the process after each batch, for what is derived from many changes at once.
 *
 * @param eventTypes the logical names of the events in the batch (MemberJoined, ...)
 */
public record ChangesBroadcast(Set<String> eventTypes) {
}
