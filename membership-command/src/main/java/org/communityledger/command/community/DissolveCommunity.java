package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;

/** Dissolve the community; it accepts nothing afterwards. */
public record DissolveCommunity(
        @TargetAggregateIdentifier CommunityId communityId,
        String reason,
        LocalDate dissolvedOn) {}
