package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.TerminateAgreement;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;

/** Body of {@code POST /api/communities/{id}/agreements/{agreementId}/terminate}. */
record TerminateAgreementRequest(
        @Schema(example = "Completed: the textbook series has been published") @NotBlank @Size(max = 500) String reason,
        @Schema(example = "2025-12-31") @NotNull @PastOrPresent LocalDate terminatedOn) {

    TerminateAgreement toCommand(CommunityId communityId, AgreementId agreementId) {
        return new TerminateAgreement(communityId, agreementId, reason, terminatedOn);
    }
}
