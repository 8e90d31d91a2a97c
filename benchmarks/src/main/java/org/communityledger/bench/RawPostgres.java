package org.communityledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling of the database: one-row INSERT + COMMIT of an event-sized row (about 550 bytes) into a scratch
 * table of the same PostgreSQL, with its durability settings (fsync and synchronous_commit on), from N clients.
 */
final class RawPostgres {

    static final int ROW_BYTES = 550;

    private final String jdbcUrl;

    RawPostgres(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Commits per second. */
    double commitsPerSecond(int clients, Duration duration) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists bench");
            statement.execute("""
                    create table if not exists bench.raw_commit (
                        id bigint generated always as identity primary key,
                        community varchar(64) not null,
                        sequence_number bigint not null,
                        payload bytea not null)""");
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            String community = "raw-" + client;
            Thread thread = new Thread(() -> {
                byte[] payload = new byte[ROW_BYTES];
                try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                        "insert into bench.raw_commit (community, sequence_number, payload) values (?, ?, ?)")) {
                    connection.setAutoCommit(true);
                    for (long sequence = 0; System.nanoTime() < end; sequence++) {
                        ThreadLocalRandom.current().nextBytes(payload);
                        insert.setString(1, community);
                        insert.setLong(2, sequence);
                        insert.setBytes(3, payload);
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "raw-pg-" + client);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return commits.get() / ((System.nanoTime() - start) / 1e9);
    }

    void dropScratch() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists bench cascade");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
