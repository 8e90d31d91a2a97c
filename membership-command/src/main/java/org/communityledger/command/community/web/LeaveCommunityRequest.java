package org.communityledger.command.community.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.LeaveCommunity;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** Body of {@code POST /api/communities/{id}/members/{orgId}/leave}. */
record LeaveCommunityRequest(
        @NotBlank @Size(max = 500) String reason,
        @NotNull @PastOrPresent LocalDate leftOn) {

    LeaveCommunity toCommand(CommunityId communityId, OrganizationId organizationId) {
        return new LeaveCommunity(communityId, organizationId, reason, leftOn);
    }
}
