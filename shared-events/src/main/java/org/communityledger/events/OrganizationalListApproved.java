package org.communityledger.events;

import java.time.LocalDate;
import java.util.List;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.GoverningPosition;

/** The list of governing positions (which organisation holds which position) was approved. */
public record OrganizationalListApproved(
        CommunityId communityId,
        List<GoverningPosition> positions,
        LocalDate approvedOn) implements CommunityEvent {

    public OrganizationalListApproved {
        positions = List.copyOf(positions);
    }

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.organizationalListApproved(this);
    }
}
