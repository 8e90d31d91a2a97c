package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** An active member left the community; any roles it held were revoked just before. */
public record MemberLeft(
        CommunityId communityId,
        OrganizationId organizationId,
        String reason,
        LocalDate leftOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.memberLeft(this);
    }
}
