package org.communityledger.events;

import java.time.LocalDate;
import java.util.List;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/** Two or more active members signed a cooperation agreement covering the listed scope. */
public record CooperationAgreementSigned(
        CommunityId communityId,
        AgreementId agreementId,
        String title,
        List<OrganizationId> partyOrganizationIds,
        List<String> scope,
        LocalDate signedOn) implements CommunityEvent {

    public CooperationAgreementSigned {
        partyOrganizationIds = List.copyOf(partyOrganizationIds);
        scope = List.copyOf(scope);
    }

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.cooperationAgreementSigned(this);
    }
}
