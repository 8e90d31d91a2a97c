package org.communityledger.query.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A community as the dashboards see it.
 *
 * @param chairUnit the member that holds the chair unit role, or null
 * @param version   the community's last applied event: how fresh this view is
 * @param position  the global position of that event
 * @param stale     null while the view is current; otherwise the community is quarantined and its view stops
 *                  before {@code stale.missingVersion}, the event it waits for
 */
record CommunityView(
        String communityId,
        String name,
        String sector,
        String region,
        String hostOrganizationId,
        String venue,
        LocalDate establishedOn,
        String status,
        int memberCount,
        MemberRef chairUnit,
        String constitutionVersion,
        List<PlaqueView> plaques,
        List<AgreementView> agreements,
        LocalDate dissolvedOn,
        long version,
        long position,
        Stale stale) {

    /** The view stops before {@code missingVersion}, which was parked or has not arrived, since {@code since}. */
    record Stale(long missingVersion, Instant since, String reason) {
    }

    /** An organisation named by id and name. */
    record MemberRef(String organizationId, String name) {
    }

    /** A plaque presented in the community; {@code revoked} plaques stay listed. */
    record PlaqueView(String plaqueId, String title, String recipientOrganizationId, String recipientName,
                      String presentedBy, LocalDate awardedOn, boolean revoked) {
    }

    /** A cooperation agreement; {@code status} is ACTIVE or TERMINATED. */
    record AgreementView(String agreementId, String title, List<String> partyOrganizationIds, List<String> scope,
                         LocalDate signedOn, String status, LocalDate terminatedOn) {
    }
}
