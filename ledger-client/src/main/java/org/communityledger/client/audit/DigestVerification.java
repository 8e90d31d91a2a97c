package org.communityledger.client.audit;

import java.util.List;

/** The outcome of checking an earlier digest: each problem names a community, a version and what is wrong. */
public record DigestVerification(boolean valid, long position, long communities, long eventsChecked,
                                 String merkleRoot, List<String> problems) {

    public DigestVerification {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
