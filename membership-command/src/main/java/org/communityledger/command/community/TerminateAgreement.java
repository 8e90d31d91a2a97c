package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;

/** End a cooperation agreement. */
public record TerminateAgreement(
        @TargetAggregateIdentifier CommunityId communityId,
        AgreementId agreementId,
        String reason,
        LocalDate terminatedOn) {}
