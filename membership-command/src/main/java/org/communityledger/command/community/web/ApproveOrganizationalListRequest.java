package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.communityledger.command.community.ApproveOrganizationalList;
import org.communityledger.command.web.RequestFields;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.GoverningPosition;

/** Body of {@code POST /api/communities/{id}/organizational-list}. */
record ApproveOrganizationalListRequest(
        @Schema(description = "The whole list: it replaces any list approved before")
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Position> positions,
        @Schema(example = "2025-10-19") @NotNull @PastOrPresent LocalDate approvedOn) {

    /** One line of the list. */
    record Position(
            @Schema(description = "A member's Unified Social Credit Code or slug", example = "southern-film-group")
            @NotBlank String organizationId,
            @Schema(description = "The governing position as the list words it", example = "理事长单位 Chair unit")
            @NotBlank @Size(max = 200) String position) {
    }

    ApproveOrganizationalList toCommand(CommunityId communityId) {
        List<GoverningPosition> governing = IntStream.range(0, positions.size())
                .mapToObj(i -> new GoverningPosition(
                        RequestFields.organizationId("positions[" + i + "].organizationId",
                                positions.get(i).organizationId()),
                        positions.get(i).position()))
                .toList();
        return new ApproveOrganizationalList(communityId, governing, approvedOn);
    }
}
