package org.communityledger.client.rebuild;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** Rebuilding the query service's views from offset 0 of the events topic; for the role ADMIN. */
@HttpExchange(url = "/api/admin/projections", accept = {"application/json", "application/problem+json"})
public interface RebuildApi {

    /**
     * Starts a rebuild (202) and answers its first status; a rebuild already running anywhere in the group is
     * a 409 problem ({@link org.communityledger.client.LedgerProblemException}).
     */
    @PostExchange(url = "/rebuild", contentType = "application/json")
    RebuildStatus start(@RequestBody RebuildRequest request);

    /** {@link #start(RebuildRequest)} without a reason. */
    default RebuildStatus start() {
        return start(RebuildRequest.withoutReason());
    }

    @GetExchange("/status")
    RebuildStatus status();
}
