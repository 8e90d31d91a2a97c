package org.communityledger.query.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.validation.constraints.Min;
import org.communityledger.query.live.FreshnessGate;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Statistics over all communities, counting each organisation once however many communities it is in. */
@Tag(name = "Statistics", description = "Counts across communities")
@RestController
@Validated
class StatsQueryController {

    private final JdbcClient jdbc;
    private final FreshnessGate freshness;

    StatsQueryController(JdbcClient jdbc, FreshnessGate freshness) {
        this.jdbc = jdbc;
        this.freshness = freshness;
    }

    @Operation(summary = "Communities and member organisations, by province and by kind")
    @GetMapping(path = "/api/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    StatsView stats(@RequestParam(required = false) @Min(0) Long minPosition, Principal principal) {
        freshness.awaitApplied(minPosition, principal.getName());
        long position = freshness.latestPosition();
        long communities = jdbc.sql("select count(*) from community").query(Long.class).single();
        long active = jdbc.sql("select count(*) from community where status = 'ACTIVE'").query(Long.class).single();
        long organizations = jdbc.sql("select count(distinct organization_id) from member where active")
                .query(Long.class).single();
        Map<String, Long> byProvince = countsBy("province");
        return new StatsView(communities, active, organizations, byProvince.size(), byProvince, countsBy("kind"),
                position);
    }

    /** Distinct active organisations per value of a member column; an organisation counts by its latest join. */
    private Map<String, Long> countsBy(String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select %1$s as key, count(*) as organizations from (
                            select distinct on (organization_id) organization_id, %1$s from member where active
                            order by organization_id, joined_on desc
                        ) latest group by %1$s order by organizations desc, key""".formatted(column))
                .query((rs, row) -> counts.put(rs.getString("key"), rs.getLong("organizations")))
                .list();
        return counts;
    }
}
