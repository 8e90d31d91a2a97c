package org.communityledger.command.community;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.GoverningPosition;

/** Approve who holds which governing position. */
public record ApproveOrganizationalList(
        @TargetAggregateIdentifier CommunityId communityId,
        List<GoverningPosition> positions,
        LocalDate approvedOn) {

    public ApproveOrganizationalList {
        positions = List.copyOf(positions);
    }
}
