package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** A community was founded, hosted by an organisation at a venue on a day. */
public record CommunityEstablished(
        CommunityId communityId,
        String name,
        String sector,
        String region,
        OrganizationId hostOrganizationId,
        String venue,
        LocalDate establishedOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.communityEstablished(this);
    }
}
