package org.communityledger.bench;

import java.time.Duration;

/**
 * How much each measurement does. The full plan takes about ten minutes on a 2-core machine, the quick one
 * about two; sizes below the minimums (marked in the report) are the quick plan's.
 */
record BenchPlan(
        String name,
        Duration rawPostgres,
        int rawKafkaRecords,
        int communities,
        Duration warmUp,
        Duration singleClient,
        Duration manyClients,
        Duration liveLatency,
        int historyEvents,
        int backlogEvents,
        int historyCommands,
        int rebuildEvents,
        Duration catchUpLimit,
        Duration rebuildLimit,
        int proofEvents,
        int proofSamples,
        Duration idle) {

    static final int MANY_CLIENTS = 16;

    static BenchPlan full() {
        return new BenchPlan("full", Duration.ofSeconds(10), 1_000_000, 100, Duration.ofSeconds(30), Duration.ofSeconds(20),
                Duration.ofSeconds(45), Duration.ofSeconds(30), 100_000, 200_000, 300, 1_000_000, Duration.ofMinutes(4),
                Duration.ofMinutes(3), 1_000_000, 500, Duration.ofSeconds(60));
    }

    static BenchPlan quick() {
        return new BenchPlan("quick", Duration.ofSeconds(4), 200_000, 100, Duration.ofSeconds(10), Duration.ofSeconds(6),
                Duration.ofSeconds(12), Duration.ofSeconds(8), 10_000, 30_000, 100, 50_000, Duration.ofSeconds(45),
                Duration.ofSeconds(30), 100_000, 200, Duration.ofSeconds(30));
    }
}
