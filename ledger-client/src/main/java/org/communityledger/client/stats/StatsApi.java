package org.communityledger.client.stats;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The figures across all communities, on the query service; for VIEWER, AUDITOR and ADMIN. */
@HttpExchange(url = "/api/stats", accept = {"application/json", "application/problem+json"})
public interface StatsApi {

    /** @param minPosition answer only once the views include this position; null for now */
    @GetExchange
    Stats stats(@RequestParam(name = "minPosition", required = false) Long minPosition);

    default Stats stats() {
        return stats(null);
    }

    /** Members over time: organisations that joined and left communities, by day. */
    @GetExchange("/timeline")
    Timeline timeline();
}
