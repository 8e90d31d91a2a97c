package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;

/** Admit an organisation as an active member. */
record JoinMember(
        @TargetAggregateIdentifier CommunityId communityId,
        OrganizationId organizationId,
        String name,
        OrganizationKind kind,
        Province province,
        LocalDate joinedOn) {
}
