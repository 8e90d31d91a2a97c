package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;

/** A cooperation agreement ended. */
public record CooperationAgreementTerminated(
        CommunityId communityId,
        AgreementId agreementId,
        String reason,
        LocalDate terminatedOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.cooperationAgreementTerminated(this);
    }
}
