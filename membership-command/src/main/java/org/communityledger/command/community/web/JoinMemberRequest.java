package org.communityledger.command.community.web;

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
        @NotBlank String organizationId,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganizationKind kind,
        @NotBlank String province,
        @NotNull @PastOrPresent LocalDate joinedOn) {

    JoinMember toCommand(CommunityId communityId) {
        Organization organization = new Organization(RequestFields.organizationId("organizationId", organizationId),
                name, kind, RequestFields.province("province", province));
        return new JoinMember(communityId, organization, joinedOn);
    }
}
