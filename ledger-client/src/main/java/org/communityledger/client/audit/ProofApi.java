package org.communityledger.client.audit;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The transparency log of the command service, in the standard formats; for the role AUDITOR. Check what it
 * answers with the verifier ({@code ledger-proofs}), never by trusting the service.
 */
@HttpExchange(url = "/api/audit", accept = {"application/json", "application/problem+json"})
public interface ProofApi {

    /** The signed checkpoint of the tree as it is now: a C2SP signed note (tlog-checkpoint). */
    @GetExchange(url = "/checkpoint", accept = {"text/plain", "application/problem+json"})
    String checkpoint();

    /** The note verifier key that checks checkpoints: {@code <name>+<hex key id>+<base64 key>}. */
    @GetExchange(url = "/verifier-key", accept = {"text/plain", "application/problem+json"})
    String verifierKey();

    /**
     * That the event at {@code position} is a leaf of the tree of {@code treeSize} leaves (RFC 9162).
     *
     * @param treeSize null for the current tree
     */
    @GetExchange("/proofs/inclusion")
    InclusionProof inclusionProof(@RequestParam("position") long position,
                                  @RequestParam(name = "treeSize", required = false) Long treeSize);

    /**
     * That the tree of {@code to} leaves extends the tree of {@code from} leaves (RFC 9162).
     *
     * @param to null for the current tree
     */
    @GetExchange("/proofs/consistency")
    ConsistencyProof consistencyProof(@RequestParam("from") long from,
                                      @RequestParam(name = "to", required = false) Long to);
}
