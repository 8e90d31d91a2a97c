package org.communityledger.command.community.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.communityledger.command.community.DissolveCommunity;
import org.communityledger.events.value.CommunityId;

/** Body of {@code POST /api/communities/{id}/dissolve}. */
record DissolveCommunityRequest(
        @NotBlank @Size(max = 500) String reason,
        @NotNull @PastOrPresent LocalDate dissolvedOn) {

    DissolveCommunity toCommand(CommunityId communityId) {
        return new DissolveCommunity(communityId, reason, dissolvedOn);
    }
}
