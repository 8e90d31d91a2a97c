package org.communityledger.query.organization;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * One organisation across all communities: where it is (or was) a member, what it holds, what it signed;
 * {@code position} is the newest global position the views had applied when it was read.
 */
record OrganizationView(
        @Schema(description = "Unified Social Credit Code or slug", example = "hust-press") String organizationId,
        @Schema(example = "华中科技大学出版社") String name,
        @Schema(description = "UNIVERSITY, VOCATIONAL_COLLEGE, ENTERPRISE, INSTITUTION or GOVERNMENT",
                example = "ENTERPRISE") String kind,
        @Schema(description = "ISO 3166-2:CN code", example = "CN-HB") String province,
        List<Membership> memberships,
        @Schema(description = "Plaques it received") List<Plaque> plaques,
        @Schema(description = "Agreements it is a party to") List<Agreement> agreements,
        @Schema(description = "The newest global position the views had applied when this was read",
                example = "128") long position) {

    record Membership(
            @Schema(example = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e") String communityId,
            @Schema(example = "四川省智慧视听产业产教融合共同体") String communityName,
            @Schema(description = "false once it has left the community", example = "true")
            boolean active,
            @Schema(example = "[]") List<String> roles,
            @Schema(description = "Its line in the community's organizational list; null when it has none")
            String position,
            @Schema(example = "2025-10-19") LocalDate joinedOn,
            @Schema(description = "null while it is a member", example = "2025-11-30") LocalDate leftOn) {
    }

    record Plaque(@Schema(example = "b9d0596c-e0b1-4ec5-b932-5a84cc97cb89") String plaqueId,
                  @Schema(example = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e") String communityId,
                  @Schema(example = "School of Digital Media Industry") String title,
                  @Schema(example = "邹鹏 Zou Peng") String presentedBy,
                  @Schema(example = "2025-10-19") LocalDate awardedOn,
                  @Schema(example = "false") boolean revoked) {
    }

    record Agreement(
            @Schema(example = "39df126e-6ab3-466b-bf38-077be27d1282") String agreementId,
            @Schema(example = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e") String communityId,
            @Schema(example = "Strategic cooperation agreement 战略合作协议") String title,
            @Schema(example = "[\"hust-press\", \"southern-film-group\"]") List<String> partyOrganizationIds,
            @Schema(example = "[\"textbook development\", \"resource construction\"]") List<String> scope,
            @Schema(example = "2025-10-19") LocalDate signedOn,
            @Schema(description = "ACTIVE or TERMINATED", example = "ACTIVE") String status) {
    }
}
