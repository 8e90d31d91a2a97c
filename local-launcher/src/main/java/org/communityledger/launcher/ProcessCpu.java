package org.communityledger.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time used so far by a process and its live descendants (user plus system), from Linux's /proc; zero
 * elsewhere. PostgreSQL serves each connection from a child of its postmaster, so a database's CPU is its
 * postmaster's tree. A child that has exited counts through its parent once the parent has reaped it (the
 * kernel adds it to the parent's children's time), as PostgreSQL's postmaster reaps its autovacuum workers and
 * ended connections.
 */
public final class ProcessCpu {

    /** Linux reports times in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** Seconds of CPU used by the process and every live descendant. */
    public static double secondsOf(long pid) {
        Map<Long, List<Long>> children = childrenByParent();
        long ticks = 0;
        Deque<Long> pending = new ArrayDeque<>(List.of(pid));
        Set<Long> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            long next = pending.pop();
            if (seen.add(next)) {
                ticks += ticksOf(next);
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * Seconds of CPU used by the process alone: not its descendants, living or reaped (a bench that started the
     * system it measures is their parent, and its own share must not hold theirs).
     */
    public static double ownSecondsOf(long pid) {
        String[] fields = statFields(pid);
        return fields.length > 12 ? (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND : 0;
    }

    /**
     * Seconds of CPU used by each kind of thread of one process, by thread name with its trailing number left out
     * (so a JVM's "C2 CompilerThread0" and "C2 CompilerThread1" count as one); empty where /proc is not there.
     */
    public static Map<String, Double> secondsByThreadOf(long pid) {
        Map<String, Double> seconds = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[-#]?\\d+$", "");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    seconds.merge(name, ticks / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return seconds;
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        String[] fields = statFields(Long.parseLong(name));
                        if (fields.length > 1) {
                            children.computeIfAbsent(Long.parseLong(fields[1]), parent -> new java.util.ArrayList<>())
                                    .add(Long.parseLong(name));
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // not Linux: no children known
        }
        return children;
    }

    private static long ticksOf(long pid) {
        String[] fields = statFields(pid);
        // After the command's closing parenthesis: state, ppid, ..., utime is the 12th field, stime the 13th, and
        // the reaped children's cutime and cstime the 14th and 15th.
        return fields.length > 14 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0;
    }

    /** The fields of /proc/PID/stat after the command name (which may hold spaces), or none. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
