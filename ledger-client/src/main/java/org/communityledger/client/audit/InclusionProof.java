package org.communityledger.client.audit;

import java.util.List;

/**
 * An RFC 9162 inclusion proof.
 *
 * @param leafInput the leaf's bytes (the event's canonical record), base64
 * @param path      the audit path from the leaf up, base64 hashes
 */
public record InclusionProof(long leafIndex, long treeSize, String leafInput, List<String> path) {

    public InclusionProof {
        path = path == null ? List.of() : List.copyOf(path);
    }
}
