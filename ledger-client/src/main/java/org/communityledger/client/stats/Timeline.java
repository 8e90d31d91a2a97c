package org.communityledger.client.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Members over time.
 *
 * @param days     the days on which organisations joined or left, oldest first, dated as the events date them
 * @param position the newest global position the views had applied when these were counted
 */
public record Timeline(List<Day> days, long position) {

    public Timeline {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** How many organisations joined and left communities on one day. */
    public record Day(LocalDate day, long joined, long left) {
    }
}
