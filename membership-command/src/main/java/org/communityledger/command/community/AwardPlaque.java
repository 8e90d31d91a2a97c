package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.PlaqueId;

/** Present a plaque to an active member. */
public record AwardPlaque(
        @TargetAggregateIdentifier CommunityId communityId,
        PlaqueId plaqueId,
        String title,
        OrganizationId recipientOrganizationId,
        String presentedBy,
        LocalDate awardedOn) {}
