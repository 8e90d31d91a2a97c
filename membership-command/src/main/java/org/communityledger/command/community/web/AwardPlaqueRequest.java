package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "School of Digital Media Industry") @NotBlank @Size(max = 200) String title,
        @Schema(description = "An active member's Unified Social Credit Code or slug",
                example = "nanchong-film-vocational-college")
        @NotBlank String recipientOrganizationId,
        @Schema(example = "邹鹏 Zou Peng") @NotBlank @Size(max = 200) String presentedBy,
        @Schema(example = "2025-10-19") @NotNull @PastOrPresent LocalDate awardedOn) {

    AwardPlaque toCommand(CommunityId communityId, PlaqueId plaqueId) {
        return new AwardPlaque(communityId, plaqueId, title,
                RequestFields.organizationId("recipientOrganizationId", recipientOrganizationId), presentedBy, awardedOn);
    }
}
