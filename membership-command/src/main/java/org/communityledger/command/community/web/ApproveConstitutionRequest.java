package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.ApproveConstitution;
import org.communityledger.command.web.RequestFields;
import org.communityledger.events.value.CommunityId;

/** Body of {@code POST /api/communities/{id}/constitution}. */
record ApproveConstitutionRequest(
        @Schema(example = "1.0") @NotBlank @Size(max = 50) String version,
        @Schema(description = "SHA-256 of the approved constitution's text: 64 hexadecimal characters",
                example = "dda8b7b975d931187c7fc3c5ca4ddc182f538848ca2058b18d579321a21926c0")
        @NotBlank String documentSha256,
        @Schema(example = "2025-10-19") @NotNull @PastOrPresent LocalDate approvedOn) {

    ApproveConstitution toCommand(CommunityId communityId) {
        return new ApproveConstitution(communityId, version,
                RequestFields.sha256("documentSha256", documentSha256), approvedOn);
    }
}
