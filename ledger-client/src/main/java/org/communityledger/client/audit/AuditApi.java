package org.communityledger.client.audit;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The checks of the tamper-evident ledger, on the command service; for the role AUDITOR. */
@HttpExchange(url = "/api/audit", accept = {"application/json", "application/problem+json"})
public interface AuditApi {

    /** Recomputes one community's hash chain from the stored bytes. */
    @GetExchange("/communities/{communityId}/verify")
    ChainVerification verifyChain(@PathVariable("communityId") String communityId);

    /** A digest of the whole ledger now, to keep outside the system. */
    @GetExchange("/digest")
    Digest digest();

    /** Proves that nothing up to an earlier digest's position was edited, removed, reordered or truncated. */
    @PostExchange(url = "/digest/verify", contentType = "application/json")
    DigestVerification verifyDigest(@RequestBody Digest earlier);
}
