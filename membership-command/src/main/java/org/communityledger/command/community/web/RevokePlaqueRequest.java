package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.communityledger.command.community.RevokePlaque;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.PlaqueId;

/** Body of {@code POST /api/communities/{id}/plaques/{plaqueId}/revoke}. */
record RevokePlaqueRequest(
        @Schema(example = "Presented in error: the plaque names the wrong school")
        @NotBlank @Size(max = 500) String reason) {

    RevokePlaque toCommand(CommunityId communityId, PlaqueId plaqueId) {
        return new RevokePlaque(communityId, plaqueId, reason);
    }
}
