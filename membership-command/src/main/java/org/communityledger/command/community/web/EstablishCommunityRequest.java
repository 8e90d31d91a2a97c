package org.communityledger.command.community.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.EstablishCommunity;
import org.communityledger.command.web.RequestFields;
import org.communityledger.events.value.CommunityId;

/** Body of {@code POST /api/communities}. */
record EstablishCommunityRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String sector,
        @NotBlank @Size(max = 200) String region,
        @NotBlank String hostOrganizationId,
        @NotBlank @Size(max = 200) String venue,
        @NotNull @PastOrPresent LocalDate establishedOn) {

    EstablishCommunity toCommand(CommunityId communityId) {
        return new EstablishCommunity(communityId, name, sector, region,
                RequestFields.organizationId("hostOrganizationId", hostOrganizationId), venue, establishedOn);
    }
}
