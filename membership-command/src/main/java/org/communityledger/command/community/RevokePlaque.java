package org.communityledger.command.community;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.PlaqueId;

/** Withdraw a plaque. */
public record RevokePlaque(
        @TargetAggregateIdentifier CommunityId communityId,
        PlaqueId plaqueId,
        String reason) {}
