package org.communityledger.query.organization;

import java.time.LocalDate;
import java.util.List;

/**
 * One organisation across all communities: where it is (or was) a member, what it holds, what it signed;
 * {@code position} is the newest global position the views had applied when it was read.
 */
record OrganizationView(
        String organizationId,
        String name,
        String kind,
        String province,
        List<Membership> memberships,
        List<Plaque> plaques,
        List<Agreement> agreements,
        long position) {

    record Membership(String communityId, String communityName, boolean active, List<String> roles, String position,
                      LocalDate joinedOn, LocalDate leftOn) {
    }

    record Plaque(String plaqueId, String communityId, String title, String presentedBy, LocalDate awardedOn,
                  boolean revoked) {
    }

    record Agreement(String agreementId, String communityId, String title, List<String> partyOrganizationIds,
                     List<String> scope, LocalDate signedOn, String status) {
    }
}
