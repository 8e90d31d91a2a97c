package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "四川省智慧视听产业产教融合共同体") @NotBlank @Size(max = 200) String name,
        @Schema(example = "Smart audiovisual") @NotBlank @Size(max = 200) String sector,
        @Schema(example = "Sichuan") @NotBlank @Size(max = 200) String region,
        @Schema(description = "The host organisation's Unified Social Credit Code or slug",
                example = "nanchong-film-vocational-college")
        @NotBlank String hostOrganizationId,
        @Schema(example = "Literature and Art Center, Nanchong Film Industry Vocational College")
        @NotBlank @Size(max = 200) String venue,
        @Schema(example = "2025-10-19") @NotNull @PastOrPresent LocalDate establishedOn) {

    EstablishCommunity toCommand(CommunityId communityId) {
        return new EstablishCommunity(communityId, name, sector, region,
                RequestFields.organizationId("hostOrganizationId", hostOrganizationId), venue, establishedOn);
    }
}
