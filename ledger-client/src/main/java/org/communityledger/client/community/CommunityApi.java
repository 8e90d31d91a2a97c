package org.communityledger.client.community;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The communities as the query service's views show them; for VIEWER, AUDITOR and ADMIN.
 *
 * <p>Every read takes an optional {@code minPosition}: the position a command answered. The service answers
 * only once its views include that position, so a caller reads its own writes; past a bounded wait it answers
 * 503 with {@code Retry-After} ({@link org.communityledger.client.LedgerProblemException}).
 */
@HttpExchange(url = "/api/communities", accept = {"application/json", "application/problem+json"})
public interface CommunityApi {

    /** The largest page the service answers. */
    int MAX_PAGE_SIZE = 200;

    /** One page of the communities, counting pages from 0. */
    default CommunityPage communities(int page, int size) {
        return communities(null, page, size);
    }

    /** One page of the communities whose name or id contains {@code text} (all when null). */
    @GetExchange
    CommunityPage communities(@RequestParam(name = "q", required = false) String text, @RequestParam("page") int page,
                              @RequestParam("size") int size);

    /** One community; an unknown one is a 404 problem. */
    @GetExchange("/{communityId}")
    Community community(@PathVariable("communityId") String communityId,
                        @RequestParam(name = "minPosition", required = false) Long minPosition);

    /** {@link #community(String, Long)} as the views stand now. */
    default Community community(String communityId) {
        return community(communityId, null);
    }

    /** One page of a community's active members that match {@code filter}, counting pages from 0. */
    default MemberPage members(String communityId, MemberFilter filter, int page, int size) {
        return members(communityId, filter.province(), filter.kind(), filter.role(), filter.text(), page, size,
                null);
    }

    @GetExchange("/{communityId}/members")
    MemberPage members(@PathVariable("communityId") String communityId,
                       @RequestParam(name = "province", required = false) String province,
                       @RequestParam(name = "kind", required = false) String kind,
                       @RequestParam(name = "role", required = false) String role,
                       @RequestParam(name = "q", required = false) String text,
                       @RequestParam("page") int page, @RequestParam("size") int size,
                       @RequestParam(name = "minPosition", required = false) Long minPosition);
}
