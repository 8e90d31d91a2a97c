package org.communityledger.query.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import org.communityledger.query.live.FreshnessGate;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statistics over all communities, counting each organisation once however many communities it is in. */
@Tag(name = "Statistics", description = "Counts across communities")
@RestController
@Validated
class StatsQueryController {

    private final Statistics statistics;
    private final FreshnessGate freshness;

    StatsQueryController(Statistics statistics, FreshnessGate freshness) {
        this.statistics = statistics;
        this.freshness = freshness;
    }

    @Operation(summary = "Communities and member organisations, by province and by kind")
    @GetMapping(path = "/api/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    StatsView stats(@RequestParam(required = false) @Min(0) Long minPosition, Principal principal) {
        freshness.awaitApplied(minPosition, principal.getName());
        return statistics.current();
    }

    @Operation(summary = "Members over time: organisations that joined and left communities, by day")
    @GetMapping(path = "/api/stats/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    TimelineView timeline(@RequestParam(required = false) @Min(0) Long minPosition, Principal principal) {
        freshness.awaitApplied(minPosition, principal.getName());
        return statistics.timeline();
    }
}
