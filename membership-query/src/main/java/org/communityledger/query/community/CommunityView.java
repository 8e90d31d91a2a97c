package org.communityledger.query.community;

import java.time.LocalDate;

/**
 * A community as the dashboards see it.
 *
 * @param version  the community's last applied event: how fresh this view is
 * @param position the global position of that event
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
        long version,
        long position) {
}
