package org.communityledger.client.audit;

import java.util.List;

/** An RFC 9162 consistency proof between the trees of {@code from} and {@code to} leaves; base64 hashes. */
public record ConsistencyProof(long from, long to, List<String> path) {

    public ConsistencyProof {
        path = path == null ? List.of() : List.copyOf(path);
    }
}
