package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;

/** An organisation became an active member of a community. */
public record MemberJoined(
        CommunityId communityId,
        OrganizationId organizationId,
        String name,
        OrganizationKind kind,
        Province province,
        LocalDate joinedOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.memberJoined(this);
    }
}
