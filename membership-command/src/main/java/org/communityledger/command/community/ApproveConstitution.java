package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Sha256;

/** Approve a version of the constitution, identified by the document's digest. */
public record ApproveConstitution(
        @TargetAggregateIdentifier CommunityId communityId,
        String version,
        Sha256 documentSha256,
        LocalDate approvedOn) {}
