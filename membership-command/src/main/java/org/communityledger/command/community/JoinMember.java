package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Organization;

/** Admit an organisation as an active member. */
public record JoinMember(
        @TargetAggregateIdentifier CommunityId communityId,
        Organization organization,
        LocalDate joinedOn) {}
