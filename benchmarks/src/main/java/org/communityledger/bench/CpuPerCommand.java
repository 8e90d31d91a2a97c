package org.communityledger.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityledger.launcher.ProcessCpu;

/**
 * P9: the CPU time every process of the system (the services, the broker, PostgreSQL) spent per accepted command,
 * from /proc, over a span that starts before the load and ends once the views have applied all of it, so the
 * publisher's and the projector's share of those commands is in it. The load generator's own CPU is measured
 * and reported apart, not counted.
 */
final class CpuPerCommand {

    /** The processes in the order the detail names them; the command service's busiest threads are named too. */
    private static final List<String> ORDER = List.of("membership-command", "membership-query", "kafka", "postgres");

    private final CpuMeter meter;

    CpuPerCommand(Map<String, Long> systemPids) {
        Map<String, Long> pids = new LinkedHashMap<>();
        ORDER.forEach(name -> systemPids.forEach((process, pid) -> {
            if (process.startsWith(name)) {
                pids.put(process, pid);
            }
        }));
        this.meter = new CpuMeter(pids);
    }

    /** A reading taken when the span starts. */
    record Start(CpuMeter.Reading system, double loadGenerator) {
    }

    Start start() {
        return new Start(meter.read(), loadGeneratorSeconds());
    }

    Figure figure(Start start, long commands, String applied) {
        CpuMeter.Reading now = meter.read();
        double seconds = CpuMeter.total(start.system(), now);
        double perCommand = commands > 0 ? seconds * 1000 / commands : Double.NaN;
        return new Figure("P9", "CPU per command over all processes, 16 clients (P1's span until applied)",
                perCommand, "ms/command", Double.NaN, "≤ 1.5 ms", commands > 0 && perCommand <= 1.5,
                String.format("%.2f s of CPU for %,d commands: %s; not counted: the load generator's JVM %.2f s; %s",
                        seconds, commands, meter.between(start.system(), now),
                        loadGeneratorSeconds() - start.loadGenerator(), applied));
    }

    /** The bench's own JVM, without the system's processes, which it started and so are its children. */
    private static double loadGeneratorSeconds() {
        return ProcessCpu.ownSecondsOf(ProcessHandle.current().pid());
    }
}
