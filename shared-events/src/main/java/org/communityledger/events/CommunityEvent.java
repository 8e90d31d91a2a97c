package org.communityledger.events;

import org.communityledger.events.value.CommunityId;

/**
 * Everything that can happen to a community. Sealed, so that every projection's {@code switch} over it is
 * exhaustive and a new event cannot be silently ignored.
 */
public sealed interface CommunityEvent permits CommunityEstablished, MemberJoined {

    CommunityId communityId();
}
