package org.communityledger.events;

import org.communityledger.events.value.CommunityId;

/**
 * Everything that can happen to a community. Sealed, and handled through {@link CommunityEventVisitor},
 * so that a new event cannot be silently ignored by any projection.
 */
public sealed interface CommunityEvent permits CommunityEstablished,
        ConstitutionApproved,
        OrganizationalListApproved,
        MemberJoined,
        MemberLeft,
        MemberRoleAssigned,
        MemberRoleRevoked,
        PlaqueAwarded,
        PlaqueRevoked,
        CooperationAgreementSigned,
        CooperationAgreementTerminated,
        CommunityDissolved {

    CommunityId communityId();

    /** Hands this event to the visitor's method for its type. */
    <R> R accept(CommunityEventVisitor<R> visitor);
}
