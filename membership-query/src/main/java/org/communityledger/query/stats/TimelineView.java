package org.communityledger.query.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * Members over time: how many organisations joined and left communities on each day.
 *
 * @param days     the days on which anything happened, oldest first
 * @param position the newest global position the views had applied when these were counted
 */
record TimelineView(List<Day> days, @Schema(example = "128") long position) {

    /** One day's joins and departures, by the dates the events give (joinedOn, leftOn). */
    record Day(@Schema(example = "2025-10-19") LocalDate day, @Schema(example = "96") long joined,
               @Schema(example = "0") long left) {
    }
}
