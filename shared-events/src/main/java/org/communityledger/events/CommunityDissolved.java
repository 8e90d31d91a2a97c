package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.CommunityId;

/** The community was dissolved; it accepts no further command. */
public record CommunityDissolved(
        CommunityId communityId,
        String reason,
        LocalDate dissolvedOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.communityDissolved(this);
    }
}
