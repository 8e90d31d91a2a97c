package org.communityledger.query.stats;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityledger.query.live.FreshnessGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts across communities, for the stats answer and the stream's {@code stats} events alike. */
@Component
class Statistics {

    private final JdbcClient jdbc;
    private final FreshnessGate freshness;

    Statistics(JdbcClient jdbc, FreshnessGate freshness) {
        this.jdbc = jdbc;
        this.freshness = freshness;
    }

    StatsView current() {
        long position = freshness.latestPosition();
        long communities = jdbc.sql("select count(*) from community").query(Long.class).single();
        long active = jdbc.sql("select count(*) from community where status = 'ACTIVE'").query(Long.class).single();
        long organizations = jdbc.sql("select count(distinct organization_id) from member where active")
                .query(Long.class).single();
        Map<String, Long> byProvince = countsBy("province");
        return new StatsView(communities, active, organizations, byProvince.size(), byProvince, countsBy("kind"),
                position);
    }

    /** Joins and departures per day (the dates the events give), oldest first; days without either are left out. */
    TimelineView timeline() {
        long position = freshness.latestPosition();
        List<TimelineView.Day> days = jdbc.sql("""
                        select day, count(*) filter (where joined) as joined, count(*) filter (where not joined) as left
                        from member_movement group by day order by day""")
                .query((rs, row) -> new TimelineView.Day(rs.getObject("day", LocalDate.class), rs.getLong("joined"),
                        rs.getLong("left")))
                .list();
        return new TimelineView(days, position);
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
