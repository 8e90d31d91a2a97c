package org.communityledger.command.community;

import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** An organisation is an active member of a community at most once. */
class AlreadyActiveMember extends CommunityRuleViolation {

    AlreadyActiveMember(CommunityId communityId, OrganizationId organizationId) {
        super("Organisation " + organizationId + " is already an active member of community " + communityId + ".");
    }

    @Override
    public String rule() {
        return "already-active-member";
    }
}
