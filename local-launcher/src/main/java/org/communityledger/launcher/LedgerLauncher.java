package org.communityledger.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./ledger up}: starts the whole system with nothing installed, prints where it is, and stops it
 * cleanly on Ctrl-C or SIGTERM.
 */
public final class LedgerLauncher {

    private LedgerLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        if (!command.equals("up")) {
            System.err.println("usage: ledger up");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("ledger.home", ".")).toAbsolutePath().normalize();
        LocalSystem system;
        Instant started = Instant.now();
        try {
            LaunchSettings settings = LaunchSettings.fromEnvironment(home, System.getenv());
            System.out.println("Starting Community Ledger; data in " + settings.dataDir());
            system = LocalSystem.start(settings);
        } catch (LaunchException e) {
            System.err.println("ledger: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Community Ledger ...");
            system.close();
            System.out.println("Stopped. Data kept in " + system.settings().dataDir());
            stopped.countDown();
        }, "ledger-shutdown"));
        printReady(system, Duration.between(started, Instant.now()));
        stopped.await();
    }

    private static void printReady(LocalSystem system, Duration startup) {
        LaunchSettings settings = system.settings();
        System.out.printf("""

                Community Ledger is up (%.1f s).
                  command API   %s/api/communities
                  query API     %s/api/communities/{id}
                  health        %s/actuator/health  and  %s/actuator/health
                  PostgreSQL    %s (user postgres)
                  Kafka         %s
                  data          %s
                  logs          %s
                """, startup.toMillis() / 1000.0, system.commandUrl(), system.queryUrl(), system.commandUrl(),
                system.queryUrl(), settings.jdbcUrl(), settings.bootstrapServers(), settings.dataDir(),
                settings.logDir());
        System.out.println("  resident memory:");
        system.pids().forEach((name, pid) -> System.out.printf("    %-20s pid %-8d %s%n", name, pid,
                ResidentMemory.megabytesOf(pid).map(mb -> mb + " MB").orElse("?")));
        System.out.println("Press Ctrl-C to stop.");
    }
}
