package org.communityledger.query.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Figures across all communities.
 *
 * @param communities        communities established (dissolved ones included)
 * @param activeCommunities  communities not dissolved
 * @param organizations      distinct organisations that are an active member of at least one community
 * @param provinces          provincial-level regions those organisations come from
 * @param byProvince         distinct active organisations per ISO 3166-2:CN code
 * @param byKind             distinct active organisations per kind
 * @param position           the newest global position the views had applied when these were counted
 */
record StatsView(
        @Schema(description = "Communities established, dissolved ones included", example = "2") long communities,
        @Schema(description = "Communities not dissolved", example = "2") long activeCommunities,
        @Schema(description = "Distinct organisations active in at least one community", example = "9")
        long organizations,
        @Schema(description = "Provincial-level regions those organisations come from", example = "6") long provinces,
        @Schema(description = "Distinct active organisations per ISO 3166-2:CN code",
                example = "{\"CN-SC\": 3, \"CN-BJ\": 2, \"CN-GD\": 1, \"CN-FJ\": 1, \"CN-JS\": 1, \"CN-HB\": 1}")
        Map<String, Long> byProvince,
        @Schema(description = "Distinct active organisations per kind", example = "{\"ENTERPRISE\": 4, "
                + "\"UNIVERSITY\": 2, \"VOCATIONAL_COLLEGE\": 1, \"INSTITUTION\": 1, \"GOVERNMENT\": 1}")
        Map<String, Long> byKind,
        @Schema(description = "The newest global position the views had applied when these were counted",
                example = "128") long position) {
}
