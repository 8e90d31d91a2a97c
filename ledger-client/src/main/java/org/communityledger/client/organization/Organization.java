package org.communityledger.client.organization;

import java.time.LocalDate;
import java.util.List;

/**
 * One organisation across all communities: where it is or was a member, what it holds, what it signed.
 *
 * @param position the newest global position the views had applied when it was read
 */
public record Organization(String organizationId, String name, String kind, String province,
                           List<Membership> memberships, List<Plaque> plaques, List<Agreement> agreements,
                           long position) {

    public Organization {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
        plaques = plaques == null ? List.of() : List.copyOf(plaques);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }

    /** A membership, current ({@code active}) or ended ({@code leftOn}). */
    public record Membership(String communityId, String communityName, boolean active, List<String> roles,
                             String position, LocalDate joinedOn, LocalDate leftOn) {
    }

    public record Plaque(String plaqueId, String communityId, String title, String presentedBy, LocalDate awardedOn,
                         boolean revoked) {
    }

    public record Agreement(String agreementId, String communityId, String title, List<String> partyOrganizationIds,
                            List<String> scope, LocalDate signedOn, String status) {
    }
}
