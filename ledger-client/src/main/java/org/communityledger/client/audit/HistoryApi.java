package org.communityledger.client.audit;

import java.time.Instant;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The recorded history, read-only, on the command service; for the role AUDITOR. */
@HttpExchange(url = "/api/audit", accept = {"application/json", "application/problem+json"})
public interface HistoryApi {

    /** One community's events after a version, oldest first, with their metadata and seals. */
    @GetExchange("/communities/{communityId}/events")
    AuditPage communityEvents(@PathVariable("communityId") String communityId,
                              @RequestParam("afterVersion") long afterVersion, @RequestParam("limit") int limit);

    /** The whole ledger's events after a global position, in order. */
    @GetExchange("/events")
    AuditPage feed(@RequestParam("after") long after, @RequestParam("limit") int limit);

    /** The community as it was once the event with this version was recorded. */
    @GetExchange("/communities/{communityId}/state")
    HistoricalState stateAtVersion(@PathVariable("communityId") String communityId,
                                   @RequestParam("version") long version);

    /** The community as it was at an instant. */
    @GetExchange("/communities/{communityId}/state")
    HistoricalState stateAsOf(@PathVariable("communityId") String communityId, @RequestParam("asOf") Instant asOf);
}
