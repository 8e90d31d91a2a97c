package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.DissolveCommunity;
import org.communityledger.events.value.CommunityId;

/** Body of {@code POST /api/communities/{id}/dissolve}. */
record DissolveCommunityRequest(
        @Schema(example = "Merged into the provincial industry-education alliance by its members' vote")
        @NotBlank @Size(max = 500) String reason,
        @Schema(example = "2025-12-31") @NotNull @PastOrPresent LocalDate dissolvedOn) {

    DissolveCommunity toCommand(CommunityId communityId) {
        return new DissolveCommunity(communityId, reason, dissolvedOn);
    }
}
