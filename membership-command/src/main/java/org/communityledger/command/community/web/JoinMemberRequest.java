package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.JoinMember;
import org.communityledger.command.web.RequestFields;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationKind;

/** Body of {@code POST /api/communities/{id}/members}. */
record JoinMemberRequest(
        @Schema(description = "18-character Unified Social Credit Code (check character included), else a slug "
                + "[a-z0-9-]{3,64} with a letter", example = "91440300708461136T")
        @NotBlank String organizationId,
        @Schema(example = "南方影视集团") @NotBlank @Size(max = 200) String name,
        @Schema(example = "ENTERPRISE") @NotNull OrganizationKind kind,
        @Schema(description = "ISO 3166-2:CN code of the provincial-level division", example = "CN-GD")
        @NotBlank String province,
        @Schema(example = "2025-10-19") @NotNull @PastOrPresent LocalDate joinedOn) {

    JoinMember toCommand(CommunityId communityId) {
        Organization organization = new Organization(RequestFields.organizationId("organizationId", organizationId),
                name, kind, RequestFields.province("province", province));
        return new JoinMember(communityId, organization, joinedOn);
    }
}
