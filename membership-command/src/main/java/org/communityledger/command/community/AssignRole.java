package org.communityledger.command.community;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;

/** Give an active member a role; a chair unit is replaced only when {@code transfer} says so. */
public record AssignRole(
        @TargetAggregateIdentifier CommunityId communityId,
        OrganizationId organizationId,
        MemberRole role,
        boolean transfer) {}
