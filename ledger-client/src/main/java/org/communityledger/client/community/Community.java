package org.communityledger.client.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One community as the query service's views show it.
 *
 * @param status    ACTIVE or DISSOLVED
 * @param chairUnit the member that holds the chair unit role, or null
 * @param version   the community's last applied event: how fresh this view is
 * @param position  the global position of that event
 * @param stale     null while the view is current; otherwise the community is quarantined and its view stops
 *                  before {@code stale.missingVersion()}
 */
public record Community(String communityId, String name, String sector, String region, String hostOrganizationId,
                        String venue, LocalDate establishedOn, String status, int memberCount, MemberRef chairUnit,
                        String constitutionVersion, List<Plaque> plaques, List<Agreement> agreements,
                        LocalDate dissolvedOn, long version, long position, Stale stale) {

    public Community {
        plaques = plaques == null ? List.of() : List.copyOf(plaques);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }

    /** An organisation named by id and name. */
    public record MemberRef(String organizationId, String name) {
    }

    /** A plaque presented in the community; revoked plaques stay listed. */
    public record Plaque(String plaqueId, String title, String recipientOrganizationId, String recipientName,
                         String presentedBy, LocalDate awardedOn, boolean revoked) {
    }

    /**
     * A cooperation agreement; {@code status} is ACTIVE or TERMINATED; {@code parties} name the parties in the order
     * of {@code partyOrganizationIds} (a name is null for an organisation that never was a member here).
     */
    public record Agreement(String agreementId, String title, List<String> partyOrganizationIds, List<String> scope,
                            LocalDate signedOn, String status, LocalDate terminatedOn, List<MemberRef> parties) {

        public Agreement {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    /** The view stops before {@code missingVersion}, parked or not yet arrived since {@code since}. */
    public record Stale(long missingVersion, Instant since, String reason) {
    }
}
