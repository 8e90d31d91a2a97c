package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "Withdrew after restructuring its vocational training business")
        @NotBlank @Size(max = 500) String reason,
        @Schema(example = "2025-11-30") @NotNull @PastOrPresent LocalDate leftOn) {

    LeaveCommunity toCommand(CommunityId communityId, OrganizationId organizationId) {
        return new LeaveCommunity(communityId, organizationId, reason, leftOn);
    }
}
