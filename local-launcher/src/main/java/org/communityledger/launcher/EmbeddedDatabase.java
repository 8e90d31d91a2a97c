package org.communityledger.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL from the zonky binaries on Maven Central, with its data under the data directory so
 * that it survives restarts, and the ledger's database roles ({@link DatabaseRoles}). Nothing needs to be
 * installed.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static Path dataDirectory(LaunchSettings settings) {
        return settings.dataDir().resolve("postgres");
    }

    static EmbeddedDatabase start(LaunchSettings settings) {
        try {
            Path dataDirectory = dataDirectory(settings);
            Files.createDirectories(dataDirectory);
            Files.createDirectories(settings.logDir());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(settings.postgresPort())
                    // zonky starts PostgreSQL with fsync off, fine for throw-away test databases; this one
                    // keeps the ledger, so durability is restored.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // initdb's 128 MB holds less than the event table of a bench-sized log, and every page an
                    // audit then reads from the operating system's cache costs the server a copy: the first
                    // verify of a 100,000-event community took 0.73 s of PostgreSQL's CPU, the second 0.41 s.
                    .setServerConfig("shared_buffers", "512MB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            settings.logDir().resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            settings.logDir().resolve("postgres.log").toFile()))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createLedgerDatabase();
            database.createRoles(settings);
            return database;
        } catch (IOException e) {
            throw new LaunchException("PostgreSQL did not start: " + e.getMessage()
                    + " (see " + settings.logDir().resolve("postgres.log") + ")", e);
        }
    }

    private void createLedgerDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + LocalSystem.DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + LocalSystem.DATABASE + " template template0 encoding 'UTF8'");
        } catch (SQLException e) {
            throw new LaunchException("cannot create the database " + LocalSystem.DATABASE + ": " + e.getMessage(), e);
        }
    }

    private void createRoles(LaunchSettings settings) {
        try (Connection connection = postgres.getDatabase("postgres", LocalSystem.DATABASE).getConnection()) {
            DatabaseRoles.create(connection, settings.home());
        } catch (SQLException e) {
            throw new LaunchException("cannot connect to the database " + LocalSystem.DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** The postmaster's pid, from PostgreSQL's own pid file (zonky's process handle is pg_ctl, long gone). */
    static long postmasterPid(LaunchSettings settings) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory(settings).resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * PostgreSQL's immediate shutdown ({@code pg_ctl stop -m immediate} sends the postmaster SIGQUIT): every
     * backend quits at once without a checkpoint, so the next start runs crash recovery from the WAL.
     */
    void stopImmediately(LaunchSettings settings) {
        long pid = postmasterPid(settings);
        if (pid <= 0) {
            // Closing without the signal would be a clean shutdown: whoever asked for a crash would test nothing.
            throw new LaunchException("cannot read PostgreSQL's pid from postmaster.pid: no immediate stop possible");
        }
        try {
            Process signal = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
            signal.waitFor(10, TimeUnit.SECONDS);
            ProcessHandle.of(pid).ifPresent(postmaster -> postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        } catch (IOException e) {
            throw new LaunchException("cannot signal PostgreSQL (pid " + pid + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while stopping PostgreSQL", e);
        }
        // Releases zonky's lock on the data directory so that a new instance may start on it; its own
        // "pg_ctl stop" finds no server and only logs that.
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LaunchException("cannot release PostgreSQL's data directory: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
