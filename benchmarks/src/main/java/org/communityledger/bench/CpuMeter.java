package org.communityledger.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.communityledger.launcher.ProcessCpu;

/**
 * The CPU time some processes (each with its live children) spend between two readings, from /proc, and for the
 * first of them the kinds of thread that spent most of it (the JIT compilers, the collector, request threads).
 */
final class CpuMeter {

    /** How many kinds of thread the report names. */
    private static final int THREADS_NAMED = 4;

    private final Map<String, Long> pids;
    private final long detailedPid;

    /** @param pids the processes by the name the report gives them, in the report's order; the first in detail */
    CpuMeter(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        this.detailedPid = pids.values().iterator().next();
    }

    /** CPU seconds used so far: by process, and by kind of thread of the first one. */
    record Reading(Map<String, Double> processes, Map<String, Double> threads) {
    }

    Reading read() {
        Map<String, Double> processes = new LinkedHashMap<>();
        pids.forEach((name, pid) -> processes.put(name, ProcessCpu.secondsOf(pid)));
        return new Reading(processes, ProcessCpu.secondsByThreadOf(detailedPid));
    }

    /** What each process used since an earlier reading, as the report writes it. */
    String since(Reading earlier) {
        return between(earlier, read());
    }

    /** CPU seconds all the processes used between two readings. */
    static double total(Reading earlier, Reading later) {
        return later.processes().entrySet().stream()
                .mapToDouble(process -> process.getValue() - earlier.processes().get(process.getKey())).sum();
    }

    /** What each process used between two readings, as the report writes it. */
    String between(Reading earlier, Reading now) {
        StringJoiner spent = new StringJoiner(", ");
        boolean first = true;
        for (Map.Entry<String, Double> process : now.processes().entrySet()) {
            String line = String.format("%s %.2f s", process.getKey(),
                    process.getValue() - earlier.processes().get(process.getKey()));
            if (first) {
                line += " (" + busiestThreads(earlier.threads(), now.threads()) + ")";
                first = false;
            }
            spent.add(line);
        }
        return spent.toString();
    }

    private static String busiestThreads(Map<String, Double> before, Map<String, Double> after) {
        StringJoiner busiest = new StringJoiner(", ");
        after.entrySet().stream()
                .map(thread -> Map.entry(thread.getKey(), thread.getValue() - before.getOrDefault(thread.getKey(), 0.0)))
                .filter(thread -> thread.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(THREADS_NAMED)
                .forEach(thread -> busiest.add(String.format("%s %.2f s", thread.getKey(), thread.getValue())));
        return busiest.length() == 0 ? "no thread busy" : "busiest threads: " + busiest;
    }
}
