package org.communityledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What the command service's own snapshotter (Axon's, triggered every {@code LEDGER_COMMUNITY_SNAPSHOT_THRESHOLD}
 * events) has stored for a community in {@code ledger.snapshot_event_entry}, next to the community's last event.
 * The bench never writes snapshot rows itself: it only reads what the service wrote.
 */
final class Snapshots {

    /** The newest snapshot of a community: the sequence number of the last event it covers and its size. */
    record Snapshot(long sequence, long bytes) {
    }

    private final RawPostgres database;

    Snapshots(RawPostgres database) {
        this.database = database;
    }

    /** The sequence number of the community's last event (0-based), or -1 when it has none. */
    long lastSequence(String community) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(
                "select coalesce(max(sequence_number), -1) from ledger.domain_event_entry where aggregate_identifier = ?")) {
            select.setString(1, community);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The newest snapshot the service stored for the community, or null when it stored none. */
    Snapshot latest(String community) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement("""
                select sequence_number, octet_length(payload) from ledger.snapshot_event_entry
                where aggregate_identifier = ? order by sequence_number desc limit 1""")) {
            select.setString(1, community);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Snapshot(row.getLong(1), row.getLong(2)) : null;
            }
        }
    }

    /**
     * Waits until the service has stored a snapshot covering at least {@code sequence}; answers the newest
     * snapshot then, or whatever there was (possibly null) when the limit passed.
     */
    Snapshot await(String community, long sequence, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Snapshot latest = latest(community);
        while ((latest == null || latest.sequence() < sequence) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            latest = latest(community);
        }
        return latest;
    }

    /** Waits until the newest snapshot has not moved for {@code quiet} (the snapshotter has nothing queued for it). */
    Snapshot settle(String community, Duration quiet, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Snapshot latest = latest(community);
        long since = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - since < quiet.toNanos()) {
            Thread.sleep(250);
            Snapshot now = latest(community);
            if (now != null && (latest == null || now.sequence() != latest.sequence())) {
                latest = now;
                since = System.nanoTime();
            }
        }
        return latest;
    }
}
