package org.communityledger.client.quarantine;

import org.communityledger.client.Items;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The communities whose views wait for a missing event; for the role ADMIN. */
@HttpExchange(url = "/api/admin/quarantine", accept = {"application/json", "application/problem+json"})
public interface QuarantineApi {

    @GetExchange
    Items<QuarantinedCommunity> quarantined();
}
