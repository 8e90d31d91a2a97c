package org.communityledger.client.community;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The communities as the query service's views show them; for VIEWER, AUDITOR and ADMIN. */
@HttpExchange(url = "/api/communities", accept = {"application/json", "application/problem+json"})
public interface CommunityApi {

    /** The largest page the service answers. */
    int MAX_PAGE_SIZE = 200;

    /** One page of the communities, counting pages from 0. */
    @GetExchange
    CommunityPage communities(@RequestParam("page") int page, @RequestParam("size") int size);
}
