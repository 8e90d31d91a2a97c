package org.communityledger.events;

import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.PlaqueId;

/** A plaque was withdrawn. */
public record PlaqueRevoked(
        CommunityId communityId,
        PlaqueId plaqueId,
        String reason) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.plaqueRevoked(this);
    }
}
