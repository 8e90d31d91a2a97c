package org.communityledger.client.organization;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** Organisations across communities, on the query service; for VIEWER, AUDITOR and ADMIN. */
@HttpExchange(url = "/api/organizations", accept = {"application/json", "application/problem+json"})
public interface OrganizationApi {

    /**
     * One organisation; one that never joined any community is a 404 problem.
     *
     * @param minPosition answer only once the views include this position (a command's answer); null for now
     */
    @GetExchange("/{organizationId}")
    Organization organization(@PathVariable("organizationId") String organizationId,
                              @RequestParam(name = "minPosition", required = false) Long minPosition);
}
