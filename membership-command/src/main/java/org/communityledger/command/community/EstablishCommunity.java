package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** Found a new community. */
public record EstablishCommunity(
        @TargetAggregateIdentifier CommunityId communityId,
        String name,
        String sector,
        String region,
        OrganizationId hostOrganizationId,
        String venue,
        LocalDate establishedOn) {}
