package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.communityledger.command.community.AssignRole;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;

/** Body of {@code POST /api/communities/{id}/members/{orgId}/roles}; {@code transfer} is optional, false by default. */
record AssignRoleRequest(
        @Schema(example = "CHAIR_UNIT") @NotNull MemberRole role,
        @Schema(description = "Hand CHAIR_UNIT over from its current holder instead of being refused; default false",
                example = "false")
        Boolean transfer) {

    AssignRole toCommand(CommunityId communityId, OrganizationId organizationId) {
        return new AssignRole(communityId, organizationId, role, Boolean.TRUE.equals(transfer));
    }
}
