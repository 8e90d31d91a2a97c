package org.communityledger.command.community.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.AwardPlaque;
import org.communityledger.command.web.RequestFields;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.PlaqueId;

/** Body of {@code POST /api/communities/{id}/plaques}. */
record AwardPlaqueRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank String recipientOrganizationId,
        @NotBlank @Size(max = 200) String presentedBy,
        @NotNull @PastOrPresent LocalDate awardedOn) {

    AwardPlaque toCommand(CommunityId communityId, PlaqueId plaqueId) {
        return new AwardPlaque(communityId, plaqueId, title,
                RequestFields.organizationId("recipientOrganizationId", recipientOrganizationId), presentedBy, awardedOn);
    }
}
