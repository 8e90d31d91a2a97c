package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.PlaqueId;

/** A plaque (an honour such as "School of Digital Media Industry") was presented to an active member. */
public record PlaqueAwarded(
        CommunityId communityId,
        PlaqueId plaqueId,
        String title,
        OrganizationId recipientOrganizationId,
        String presentedBy,
        LocalDate awardedOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.plaqueAwarded(this);
    }
}
