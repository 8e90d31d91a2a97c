package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.communityledger.command.community.SignAgreement;
import org.communityledger.command.web.RequestFields;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** Body of {@code POST /api/communities/{id}/agreements}. */
record SignAgreementRequest(
        @Schema(example = "Strategic cooperation agreement 战略合作协议") @NotBlank @Size(max = 200) String title,
        @Schema(description = "The parties' Unified Social Credit Codes or slugs; each an active member",
                example = "[\"hust-press\", \"southern-film-group\"]")
        @NotNull @Size(min = 2, max = 50) List<@NotBlank String> partyOrganizationIds,
        @Schema(example = "[\"textbook development\", \"resource construction\"]")
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String> scope,
        @Schema(example = "2025-10-19") @NotNull @PastOrPresent LocalDate signedOn) {

    SignAgreement toCommand(CommunityId communityId, AgreementId agreementId) {
        List<OrganizationId> parties = IntStream.range(0, partyOrganizationIds.size())
                .mapToObj(i -> RequestFields.organizationId("partyOrganizationIds[" + i + "]",
                        partyOrganizationIds.get(i)))
                .toList();
        return new SignAgreement(communityId, agreementId, title, parties, scope, signedOn);
    }
}
