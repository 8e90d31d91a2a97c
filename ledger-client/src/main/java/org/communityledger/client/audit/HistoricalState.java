package org.communityledger.client.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * A community as its own events say it was at a version or an instant: the audit API's time travel, replayed
 * from the event store and independent of the query service's views.
 *
 * @param version              the last event included
 * @param position             that event's global position
 * @param recordedAt           when that event was recorded
 * @param status               ACTIVE or DISSOLVED
 * @param constitutionVersions every version approved so far, oldest first
 * @param organizationalList   the governing positions last approved
 * @param members              the active members, in the order they joined
 * @param plaques              every plaque awarded, revoked ones too
 * @param agreements           every agreement signed, terminated ones too
 */
public record HistoricalState(String communityId, long version, long position, String recordedAt, String name,
                              String sector, String region, String hostOrganizationId, String venue,
                              LocalDate establishedOn, String status, LocalDate dissolvedOn,
                              List<String> constitutionVersions, List<Position> organizationalList,
                              List<Member> members, List<Plaque> plaques, List<Agreement> agreements) {

    /** A governing position held by an organisation. */
    public record Position(String organizationId, String position) {
    }

    /** An active member with the roles it holds, sorted by name. */
    public record Member(String organizationId, String name, String kind, String province, LocalDate joinedOn,
                         List<String> roles) {
    }

    /** A plaque and whether it has been revoked. */
    public record Plaque(String plaqueId, String title, String recipientOrganizationId, String presentedBy,
                         LocalDate awardedOn, boolean revoked) {
    }

    /** An agreement; {@code terminatedOn} is null while it stands. */
    public record Agreement(String agreementId, String title, List<String> partyOrganizationIds, List<String> scope,
                            LocalDate signedOn, LocalDate terminatedOn) {
    }
}
