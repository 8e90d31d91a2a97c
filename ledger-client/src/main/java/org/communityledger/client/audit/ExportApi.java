package org.communityledger.client.audit;

import java.io.InputStream;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The log as NDJSON, one event per line, on the command service; for the role AUDITOR. A download apart from
 * {@link AuditApi} because it lasts as long as the ledger is long, so no response timeout applies to it.
 */
@HttpExchange(url = "/api/audit/export", accept = {"application/x-ndjson", "application/problem+json"})
public interface ExportApi {

    /**
     * The events as the service streams them from a database cursor; read as they arrive, never held whole. The
     * caller must close the stream.
     *
     * @param communityId one community's events; null for all
     * @param after       only events after this global position; null from the start
     * @param upTo        only events up to this global position, inclusive; null to the end
     */
    @GetExchange
    InputStream export(@RequestParam(name = "communityId", required = false) String communityId,
                       @RequestParam(name = "after", required = false) Long after,
                       @RequestParam(name = "upTo", required = false) Long upTo);
}
