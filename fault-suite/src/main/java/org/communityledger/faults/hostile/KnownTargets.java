package org.communityledger.faults.hostile;

import java.util.Objects;

/**
 * Real ids of a live system. Hostile requests aim at them so that a defect, not an unknown id, is what the
 * services must refuse; a request that names them is built so that it can never be a valid command.
 *
 * @param communityId          an existing, active community
 * @param memberOrganizationId an active member of that community
 * @param plaqueId             a plaque of that community
 * @param agreementId          an agreement of that community
 */
public record KnownTargets(String communityId, String memberOrganizationId, String plaqueId, String agreementId) {

    public KnownTargets {
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(memberOrganizationId, "memberOrganizationId");
        Objects.requireNonNull(plaqueId, "plaqueId");
        Objects.requireNonNull(agreementId, "agreementId");
    }
}
