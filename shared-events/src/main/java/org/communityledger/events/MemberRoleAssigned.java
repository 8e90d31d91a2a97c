package org.communityledger.events;

import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;

/** An active member was given a role. */
public record MemberRoleAssigned(
        CommunityId communityId,
        OrganizationId organizationId,
        MemberRole role) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.memberRoleAssigned(this);
    }
}
