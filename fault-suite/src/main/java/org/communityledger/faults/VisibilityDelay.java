package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * How long events took to reach the views, per event, from what the database holds: from the time the command
 * service stamped the event (the event store's {@code time_stamp}, before its commit) to the start of the
 * projector's transaction that applied it (the change log's {@code applied_at}). Both clocks are this machine's.
 * It leaves out the commit, the notification and a client's read, which P3 (command acknowledged to change on
 * the stream) includes; it covers every event, where a probe would see a few.
 *
 * @param events how many events of the window were applied
 */
record VisibilityDelay(long events, double p50Millis, double p99Millis, double maxMillis) {

    /** Which events: stamped and applied within these bounds; a null bound is open. */
    record Window(Instant stampedFrom, Instant stampedTo, Instant appliedFrom, Instant appliedTo) {

        static Window applied(Instant from, Instant to) {
            return new Window(null, null, from, to);
        }

        static Window stamped(Instant from, Instant to) {
            return new Window(from, to, null, null);
        }

        /** Stamped before {@code stampedTo}, applied from {@code appliedFrom} on: what a stall held up. */
        static Window heldUp(Instant appliedFrom, Instant stampedTo) {
            return new Window(null, stampedTo, appliedFrom, null);
        }
    }

    static VisibilityDelay of(StoredEvents database, Collection<String> communities, Window window)
            throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("""
                     with bounds as (select cast(? as timestamptz) as stamped_from, cast(? as timestamptz) as stamped_to,
                                            cast(? as timestamptz) as applied_from, cast(? as timestamptz) as applied_to)
                     select count(*), percentile_cont(0.5) within group (order by delay),
                            percentile_cont(0.99) within group (order by delay), max(delay)
                       from (select extract(epoch from c.applied_at - e.time_stamp::timestamptz) * 1000 as delay
                               from bounds b, ledger.domain_event_entry e
                               join projection.projection_change c on c.position = e.global_index
                              where e.aggregate_identifier = any(?)
                                and e.time_stamp::timestamptz >= coalesce(b.stamped_from, '-infinity')
                                and e.time_stamp::timestamptz < coalesce(b.stamped_to, 'infinity')
                                and c.applied_at >= coalesce(b.applied_from, '-infinity')
                                and c.applied_at < coalesce(b.applied_to, 'infinity')) as delays""")) {
            int parameter = 1;
            for (Instant bound : new Instant[] {window.stampedFrom(), window.stampedTo(), window.appliedFrom(),
                    window.appliedTo()}) {
                select.setObject(parameter++, bound == null ? null : OffsetDateTime.ofInstant(bound, ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
            }
            select.setArray(parameter, connection.createArrayOf("varchar", communities.toArray()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new VisibilityDelay(row.getLong(1), row.getDouble(2), row.getDouble(3), row.getDouble(4));
            }
        }
    }

    @Override
    public String toString() {
        return events == 0 ? "no events"
                : String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d events", p50Millis, p99Millis,
                        maxMillis, events);
    }
}
