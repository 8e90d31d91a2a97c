package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** Record that an active member leaves; its roles are revoked with it. */
public record LeaveCommunity(
        @TargetAggregateIdentifier CommunityId communityId,
        OrganizationId organizationId,
        String reason,
        LocalDate leftOn) {}
