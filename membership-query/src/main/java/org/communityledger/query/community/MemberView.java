package org.communityledger.query.community;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** An active member of a community, with the roles it holds. */
record MemberView(
        @Schema(description = "Unified Social Credit Code or slug", example = "91440300708461136T")
        String organizationId,
        @Schema(example = "南方影视集团") String name,
        @Schema(description = "UNIVERSITY, VOCATIONAL_COLLEGE, ENTERPRISE, INSTITUTION or GOVERNMENT",
                example = "ENTERPRISE") String kind,
        @Schema(description = "ISO 3166-2:CN code", example = "CN-GD") String province,
        @Schema(description = "CHAIR_UNIT, VICE_CHAIR_UNIT, SECRETARIAT or LEADING_ENTERPRISE",
                example = "[\"CHAIR_UNIT\"]") List<String> roles,
        @Schema(description = "The member's line in the approved organizational list; null when it has none",
                example = "理事长单位 Chair unit") String position,
        @Schema(example = "2025-10-19") LocalDate joinedOn) {
}
