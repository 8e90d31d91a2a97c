package org.communityledger.command.community.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.communityledger.command.community.RevokePlaque;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.PlaqueId;

/** Body of {@code POST /api/communities/{id}/plaques/{plaqueId}/revoke}. */
record RevokePlaqueRequest(@NotBlank @Size(max = 500) String reason) {

    RevokePlaque toCommand(CommunityId communityId, PlaqueId plaqueId) {
        return new RevokePlaque(communityId, plaqueId, reason);
    }
}
