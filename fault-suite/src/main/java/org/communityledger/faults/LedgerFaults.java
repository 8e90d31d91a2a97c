package org.communityledger.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;

/**
 * {@code ./ledger faults [--cluster] [scenario numbers]}: starts the whole system as {@code ./ledger up} does (on
 * free ports, in a fresh data directory of its own), runs the fault scenarios one after another on it, prints the
 * table and writes it to fault-results/. Exits 1 when any scenario lost or doubled anything. With
 * {@code --cluster} the system is the production topology (three Kafka nodes, two instances of each service) and
 * the scenarios are the cluster's (c1 to c5).
 */
public final class LedgerFaults {

    private LedgerFaults() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("ledger.home", ".")).toAbsolutePath().normalize();
        boolean cluster = List.of(args).contains("--cluster");
        List<String> chosen = List.of(args).stream().filter(argument -> !argument.equals("--cluster")).toList();
        List<String> known = (cluster ? clusterCatalogue() : catalogue()).stream().map(Scenario::number).toList();
        for (String number : chosen) {
            if (!known.contains(number)) {
                System.err.println("ledger faults: no scenario " + number + "; the scenarios are " + known);
                System.exit(2);
            }
        }
        FaultReport report = run(home, FaultPlan.full(), chosen, cluster);
        Path written = report.write(home.resolve("fault-results"));
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + written);
        System.exit(report.passed() ? 0 : 1);
    }

    /** Every scenario in catalogue order. */
    static List<Scenario> catalogue() {
        return List.of(
                new CommandServiceCrash(),
                new CrashBeforeTokenCommit(),
                new DatabaseStop(),
                new BrokerCrashMidPublish(),
                new QueryCrash(),
                RebuildUnderLoad.onOneInstance(),
                new PoisonRecords(),
                new ConflictingCommands(),
                new StreamResume(),
                new HostileInput(),
                new ViewsDatabaseOutage(),
                new InapplicableEvent(),
                new BrokerOutage());
    }

    /** The cluster's scenarios, for a system of three Kafka nodes and two instances of each service. */
    static List<Scenario> clusterCatalogue() {
        return List.of(
                new BrokerLeaderCrash(),
                new QueryInstanceCrash(),
                new PublishingInstanceCrash(),
                new RollingRestart(),
                RebuildUnderLoad.acrossInstances());
    }

    /** Runs the chosen scenarios (all when none is named) on a system of their own, and reports. */
    static FaultReport run(Path home, FaultPlan plan, List<String> chosen, boolean cluster) throws Exception {
        Path dataDir = home.resolve(".ledger-data").resolve(cluster ? "faults-cluster" : "faults");
        LaunchSettings settings = cluster ? LaunchSettings.clusterOnFreePorts(home, dataDir)
                : LaunchSettings.onFreePorts(home, dataDir);
        // An interrupted run may have left its processes behind; their pid files are in the data directory.
        LocalSystem.stopLeftovers(settings);
        deleteRecursively(dataDir);
        FaultReport report = new FaultReport();
        long started = System.nanoTime();
        System.out.println("Starting the " + (cluster ? "cluster" : "system") + " for the fault suite (data and logs in "
                + dataDir + ") ...");
        try (LocalSystem system = LocalSystem.start(settings)) {
            Thread stopOnInterrupt = new Thread(system::close, "faults-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            Drill drill = new Drill(system, plan);
            report.selfTest(CheckSelfTest.run(drill));
            for (Scenario scenario : cluster ? clusterCatalogue() : catalogue()) {
                if (!chosen.isEmpty() && !chosen.contains(scenario.number())) {
                    continue;
                }
                System.out.println("Scenario " + scenario.number() + ": " + scenario.title() + " ...");
                long scenarioStarted = System.nanoTime();
                Outcome outcome = runOne(scenario, drill);
                report.add(outcome);
                System.out.printf("  %s in %.0f s: acked %d, stored %d, projected %d, lost %d, applied twice %d%n",
                        outcome.passed() ? "passed" : "FAILED", (System.nanoTime() - scenarioStarted) / 1e9,
                        outcome.tally().acked(), outcome.tally().stored(), outcome.tally().projected(),
                        outcome.tally().lost(), outcome.tally().appliedTwice());
                outcome.findings().forEach(finding -> System.out.println("    " + finding));
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // interrupted: the hook is stopping the system already
            }
        }
        report.note(String.format("Run time %.0f s; logs of every process in %s.", (System.nanoTime() - started) / 1e9,
                settings.logDir()));
        return report;
    }

    /**
     * A scenario that throws has failed; whatever it killed is started again, and the suite goes on with the
     * next scenario on the same system.
     */
    private static Outcome runOne(Scenario scenario, Drill drill) {
        try {
            return scenario.run(drill);
        } catch (Exception | AssertionError e) {
            drill.system().restartKilled();
            Tally nothing = new Tally(0, 0, 0, 0, 0, 0, List.of());
            return Outcome.of(scenario, nothing, null, List.of(), List.of("the scenario could not finish: " + e));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
