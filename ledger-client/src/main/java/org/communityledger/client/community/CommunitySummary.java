package org.communityledger.client.community;

import java.time.LocalDate;

/**
 * A community as listed by the query service; the service answers more fields (plaques, agreements...), which
 * this client reads when a caller needs them.
 *
 * @param status   ACTIVE or DISSOLVED
 * @param version  the community's last applied event
 * @param position the global position of that event
 */
public record CommunitySummary(String communityId, String name, String sector, String region, String status,
                               LocalDate establishedOn, int memberCount, long version, long position) {
}
