package org.communityledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.rebuild.RebuildRequest;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.launcher.ProcessCpu;

/**
 * Rebuilds of the views, as P5 runs one, and P5 alone and repeated ({@code ./ledger bench --rebuild N}), for work on
 * the projector: N rebuilds of the same topic on one system, each with the CPU it cost per record, from /proc. A full
 * plan takes a quarter of an hour for one P5; here each round takes a minute or three. The first round also warms the
 * rebuild's code up, so the medians are of the rounds after it.
 */
final class ProjectionRebuilds {

    private final QueryServiceClient admin;
    private final Map<String, Long> pids;
    private final Duration limit;

    /**
     * One rebuild: how it ended, its own rate, and microseconds of CPU per applied record by process (and the
     * rebuild's own thread, which reads Kafka, decodes and writes PostgreSQL).
     */
    record Round(RebuildStatus status, double query, double rebuildThread, double kafka, double postgres) {
    }

    ProjectionRebuilds(QueryServiceClient admin, Map<String, Long> pids, Duration limit) {
        this.admin = admin;
        this.pids = pids;
        this.limit = limit;
    }

    /** Runs {@code rounds} rebuilds, one after the other, and measures each. */
    List<Round> run(int rounds) throws InterruptedException {
        long query = pids.get("membership-query");
        List<Round> done = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> threadsBefore = ProcessCpu.secondsByThreadOf(query);
            double queryBefore = ProcessCpu.ownSecondsOf(query);
            double kafkaBefore = ProcessCpu.secondsOf(pids.get("kafka"));
            double postgresBefore = ProcessCpu.secondsOf(pids.get("postgres"));
            RebuildStatus status = rebuildOnce("benchmark P5, round " + round);
            double perRecord = 1e6 / Math.max(1, status == null ? 0 : status.eventsApplied());
            Round measured = new Round(status, (ProcessCpu.ownSecondsOf(query) - queryBefore) * perRecord,
                    rebuildThread(threadsBefore, ProcessCpu.secondsByThreadOf(query)) * perRecord,
                    (ProcessCpu.secondsOf(pids.get("kafka")) - kafkaBefore) * perRecord,
                    (ProcessCpu.secondsOf(pids.get("postgres")) - postgresBefore) * perRecord);
            System.out.printf("  round %d: %s, %,.0f events/s; CPU µs per record: query service %.1f (rebuild thread "
                            + "%.1f), Kafka %.1f, PostgreSQL %.1f%n", round, status == null ? "no status"
                            : status.state(), status == null ? 0 : status.eventsPerSecond(), measured.query(),
                    measured.rebuildThread(), measured.kafka(), measured.postgres());
            done.add(measured);
        }
        return done;
    }

    /**
     * Starts a rebuild and follows it until it switched or failed, or the limit passed; answers its last status
     * (null when none was read).
     *
     * @throws org.communityledger.client.LedgerProblemException when the query service refuses to start it
     */
    RebuildStatus rebuildOnce(String reason) throws InterruptedException {
        admin.rebuild().start(new RebuildRequest(reason));
        long deadline = System.nanoTime() + limit.toNanos();
        RebuildStatus status = null;
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            status = admin.rebuild().status();
            if (status.state() == RebuildState.SWITCHED || status.state() == RebuildState.FAILED) {
                break;
            }
        }
        return status;
    }

    private static double rebuildThread(Map<String, Double> before, Map<String, Double> after) {
        double seconds = 0;
        for (Map.Entry<String, Double> thread : after.entrySet()) {
            if (thread.getKey().startsWith("projection-rebu")) {
                seconds += thread.getValue() - before.getOrDefault(thread.getKey(), 0.0);
            }
        }
        return seconds;
    }
}
