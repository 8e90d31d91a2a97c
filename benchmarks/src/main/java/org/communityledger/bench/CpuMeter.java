package org.communityledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.communityledger.launcher.ProcessCpu;

/** The CPU time some processes (each with its live children) spend between two readings, from /proc. */
final class CpuMeter {

    private final Map<String, Long> pids;

    /** @param pids the processes by the name the report gives them, in the report's order */
    CpuMeter(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    /** CPU seconds used so far, by process. */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, ProcessCpu.secondsOf(pid)));
        return seconds;
    }

    /** What each process used since an earlier reading, as the report writes it: "name 1.23 s, ...". */
    String since(Map<String, Double> earlier) {
        StringJoiner spent = new StringJoiner(", ");
        read().forEach((name, now) -> spent.add(String.format("%s %.2f s", name, now - earlier.get(name))));
        return spent.toString();
    }
}
