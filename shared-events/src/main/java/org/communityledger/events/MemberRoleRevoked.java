package org.communityledger.events;

import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;

/** A member no longer holds a role: revoked, transferred to another member, or lost by leaving. */
public record MemberRoleRevoked(
        CommunityId communityId,
        OrganizationId organizationId,
        MemberRole role) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.memberRoleRevoked(this);
    }
}
