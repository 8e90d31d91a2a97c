package org.communityledger.command.community;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;

/** Take a role away from a member. */
public record RevokeRole(
        @TargetAggregateIdentifier CommunityId communityId,
        OrganizationId organizationId,
        MemberRole role) {}
