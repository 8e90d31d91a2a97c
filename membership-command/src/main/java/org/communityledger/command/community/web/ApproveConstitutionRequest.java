package org.communityledger.command.community.web;

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
        @NotBlank @Size(max = 50) String version,
        @NotBlank String documentSha256,
        @NotNull @PastOrPresent LocalDate approvedOn) {

    ApproveConstitution toCommand(CommunityId communityId) {
        return new ApproveConstitution(communityId, version,
                RequestFields.sha256("documentSha256", documentSha256), approvedOn);
    }
}
