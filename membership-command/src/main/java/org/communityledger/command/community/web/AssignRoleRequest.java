package org.communityledger.command.community.web;

import jakarta.validation.constraints.NotNull;
import org.communityledger.command.community.AssignRole;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;

/** Body of {@code POST /api/communities/{id}/members/{orgId}/roles}; {@code transfer} is optional, false by default. */
record AssignRoleRequest(@NotNull MemberRole role, Boolean transfer) {

    AssignRole toCommand(CommunityId communityId, OrganizationId organizationId) {
        return new AssignRole(communityId, organizationId, role, Boolean.TRUE.equals(transfer));
    }
}
