package org.communityledger.events;

import java.time.LocalDate;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Sha256;

/** A version of the community's constitution was approved; the document itself is identified by its digest. */
public record ConstitutionApproved(
        CommunityId communityId,
        String version,
        Sha256 documentSha256,
        LocalDate approvedOn) implements CommunityEvent {

    @Override
    public <R> R accept(CommunityEventVisitor<R> visitor) {
        return visitor.constitutionApproved(this);
    }
}
