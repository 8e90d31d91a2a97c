package org.communityledger.command.community;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** Record a cooperation agreement between two or more active members. */
public record SignAgreement(
        @TargetAggregateIdentifier CommunityId communityId,
        AgreementId agreementId,
        String title,
        List<OrganizationId> partyOrganizationIds,
        List<String> scope,
        LocalDate signedOn) {

    public SignAgreement {
        partyOrganizationIds = List.copyOf(partyOrganizationIds);
        scope = List.copyOf(scope);
    }
}
