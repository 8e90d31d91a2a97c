package org.communityledger.query.community;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e") String communityId,
        @Schema(example = "四川省智慧视听产业产教融合共同体") String name,
        @Schema(example = "Smart audiovisual") String sector,
        @Schema(example = "Sichuan") String region,
        @Schema(example = "nanchong-film-vocational-college") String hostOrganizationId,
        @Schema(example = "Literature and Art Center, Nanchong Film Industry Vocational College") String venue,
        @Schema(example = "2025-10-19") LocalDate establishedOn,
        @Schema(description = "ACTIVE or DISSOLVED", example = "ACTIVE") String status,
        @Schema(description = "Active members", example = "56") int memberCount,
        @Schema(description = "The member that holds the chair unit role; null when none does") MemberRef chairUnit,
        @Schema(description = "Version of the constitution approved last; null before any", example = "1.0")
        String constitutionVersion,
        List<PlaqueView> plaques,
        List<AgreementView> agreements,
        @Schema(description = "null unless the community was dissolved", example = "2025-12-31")
        LocalDate dissolvedOn,
        @Schema(description = "The community's last applied event: how fresh this view is", example = "66")
        long version,
        @Schema(description = "Global position of that event", example = "128") long position,
        @Schema(description = "null while the view is current; otherwise the community is quarantined and its view "
                + "stops before stale.missingVersion") Stale stale) {

    /** The view stops before {@code missingVersion}, which was parked or has not arrived, since {@code since}. */
    record Stale(
            @Schema(description = "The event the view waits for", example = "67") long missingVersion,
            @Schema(example = "2025-10-19T06:42:17Z") Instant since,
            @Schema(example = "version 67 could not be applied (see the dead letters)") String reason) {
    }

    /** An organisation named by id and name. */
    record MemberRef(@Schema(example = "southern-film-group") String organizationId,
                     @Schema(example = "南方影视集团") String name) {
    }

    /** A plaque presented in the community; {@code revoked} plaques stay listed. */
    record PlaqueView(@Schema(example = "b9d0596c-e0b1-4ec5-b932-5a84cc97cb89") String plaqueId,
                      @Schema(example = "School of Digital Media Industry") String title,
                      @Schema(example = "nanchong-film-vocational-college") String recipientOrganizationId,
                      @Schema(example = "南充电影工业职业学院") String recipientName,
                      @Schema(example = "邹鹏 Zou Peng") String presentedBy,
                      @Schema(example = "2025-10-19") LocalDate awardedOn,
                      @Schema(description = "Revoked plaques stay listed", example = "false") boolean revoked) {
    }

    /** A cooperation agreement; {@code status} is ACTIVE or TERMINATED. */
    record AgreementView(
            @Schema(example = "39df126e-6ab3-466b-bf38-077be27d1282") String agreementId,
            @Schema(example = "Strategic cooperation agreement 战略合作协议") String title,
            @Schema(example = "[\"hust-press\", \"southern-film-group\"]") List<String> partyOrganizationIds,
            @Schema(example = "[\"textbook development\", \"resource construction\"]") List<String> scope,
            @Schema(example = "2025-10-19") LocalDate signedOn,
            @Schema(description = "ACTIVE or TERMINATED", example = "ACTIVE") String status,
            @Schema(description = "null while the agreement is active", example = "2025-12-31")
            LocalDate terminatedOn,
            @Schema(description = "The parties by id and name, in the order of partyOrganizationIds; a party's name is "
                    + "null when it never was a member of this community") List<MemberRef> parties) {
    }
}
