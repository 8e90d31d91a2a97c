package org.communityledger.client.stats;

import java.util.Map;

/**
 * Figures across all communities.
 *
 * @param communities       communities established, dissolved ones included
 * @param activeCommunities communities not dissolved
 * @param organizations     distinct organisations that are an active member of at least one community
 * @param provinces         provincial-level regions those organisations come from
 * @param byProvince        distinct active organisations per ISO 3166-2:CN code
 * @param byKind            distinct active organisations per kind
 * @param position          the newest global position the views had applied when these were counted
 */
public record Stats(long communities, long activeCommunities, long organizations, long provinces,
                    Map<String, Long> byProvince, Map<String, Long> byKind, long position) {

    public Stats {
        byProvince = byProvince == null ? Map.of() : Map.copyOf(byProvince);
        byKind = byKind == null ? Map.of() : Map.copyOf(byKind);
    }
}
