package org.communityledger.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./ledger up [--cluster]}: starts the whole system with nothing installed (with {@code --cluster}
 * in the production topology: three Kafka nodes, two instances of each service), prints where it is, and
 * stops it cleanly on Ctrl-C or SIGTERM.
 */
public final class LedgerLauncher {

    private LedgerLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "up" : arguments.get(0);
        boolean cluster = arguments.contains("--cluster");
        if (!command.equals("up") || arguments.stream().skip(1).anyMatch(argument -> !argument.equals("--cluster"))) {
            System.err.println("usage: ledger up [--cluster]");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("ledger.home", ".")).toAbsolutePath().normalize();
        LocalSystem system;
        Instant started = Instant.now();
        try {
            LaunchSettings settings = cluster ? LaunchSettings.clusterFromEnvironment(home, System.getenv())
                    : LaunchSettings.fromEnvironment(home, System.getenv());
            System.out.println("Starting Community Ledger" + (cluster ? " as a cluster (3 Kafka nodes, 2 instances of"
                    + " each service)" : "") + "; data in " + settings.dataDir());
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
        System.out.printf("%nCommunity Ledger is up (%.1f s).%n", startup.toMillis() / 1000.0);
        for (String url : system.commandUrls()) {
            System.out.printf("  command API   %s/api/communities   (Swagger UI %s/swagger-ui.html)%n", url, url);
            System.out.printf("  audit page    %s/audit.html%n", url);
        }
        for (String url : system.queryUrls()) {
            System.out.printf("  dashboard     %s/   query API %s/api/communities   (Swagger UI %s/swagger-ui.html)%n",
                    url, url, url);
        }
        List<String> services = new ArrayList<>(system.commandUrls());
        services.addAll(system.queryUrls());
        System.out.printf("""
                  health        %s
                  accounts      admin/admin, auditor/auditor, viewer/viewer, metrics/metrics (local profile only; docs/security.md)
                  PostgreSQL    %s (user postgres)
                  Kafka         %s
                  data          %s
                  logs          %s
                """, services.stream().map(url -> url + "/actuator/health").collect(Collectors.joining("  ")),
                settings.jdbcUrl(), settings.bootstrapServers() + (settings.kafkaSecured()
                        ? "   (SASL PLAIN; accounts in " + settings.dataDir().resolve("keys/kafka-accounts.properties")
                        + ")" : ""), settings.dataDir(), settings.logDir());
        System.out.println("  resident memory:");
        system.pids().forEach((name, pid) -> System.out.printf("    %-20s pid %-8d %s%n", name, pid,
                ResidentMemory.megabytesOf(pid).map(mb -> mb + " MB").orElse("?")));
        System.out.println("Press Ctrl-C to stop.");
    }
}
