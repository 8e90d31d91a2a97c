package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Organization;

/** An organisation became an active member of a community. */
public record MemberJoined(
        CommunityId communityId,
        Organization organization,
        LocalDate joinedOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.memberJoined(this);
    }
}
