package org.communityledger.command.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * A community as it was at some version: what its events up to there say, the same facts the aggregate
 * would have held, in a form an auditor can read.
 */
record HistoricalState(
        String communityId,
        long version,
        long position,
        String recordedAt,
        String name,
        String sector,
        String region,
        String hostOrganizationId,
        String venue,
        LocalDate establishedOn,
        String status,
        LocalDate dissolvedOn,
        List<String> constitutionVersions,
        List<Position> organizationalList,
        List<Member> members,
        List<Plaque> plaques,
        List<Agreement> agreements) {

    record Position(String organizationId, String position) {
    }

    record Member(String organizationId, String name, String kind, String province, LocalDate joinedOn,
                  List<String> roles) {
    }

    record Plaque(String plaqueId, String title, String recipientOrganizationId, String presentedBy,
                  LocalDate awardedOn, boolean revoked) {
    }

    record Agreement(String agreementId, String title, List<String> partyOrganizationIds, List<String> scope,
                     LocalDate signedOn, LocalDate terminatedOn) {
    }
}
