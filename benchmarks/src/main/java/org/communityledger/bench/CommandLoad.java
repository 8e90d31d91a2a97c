package org.communityledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Member joins over HTTP from a number of client threads, spread over many communities (and over the command
 * instances, where there are several), for a fixed time, optionally paced to a total rate. Every answer is
 * counted: accepted with its latency, or an error.
 */
final class CommandLoad {

    /** Told of every accepted command: its global position and when its answer arrived (System.nanoTime). */
    interface AcceptedListener {
        void accepted(long position, long answeredAtNanos);
    }

    record Result(long accepted, long errors, double seconds, Histogram latency, String firstError) {
        double perSecond() {
            return accepted / seconds;
        }
    }

    private static final AtomicLong ORGANIZATIONS = new AtomicLong();

    private final List<String> commandUrls;
    private final List<String> communities;
    private final String runTag;

    CommandLoad(String commandUrl, List<String> communities, String runTag) {
        this(List.of(commandUrl), communities, runTag);
    }

    CommandLoad(List<String> commandUrls, List<String> communities, String runTag) {
        this.commandUrls = List.copyOf(commandUrls);
        this.communities = communities;
        this.runTag = runTag;
    }

    Result run(int clients, Duration duration, double pacedPerSecond, AcceptedListener listener)
            throws InterruptedException {
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long interval = pacedPerSecond > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) * clients / pacedPerSecond) : 0;
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int self = client;
            Thread thread = new Thread(() -> {
                BenchCommands api = new BenchCommands(commandUrls.get(self % commandUrls.size()));
                long next = System.nanoTime() + (interval * self / Math.max(clients, 1));
                for (int i = 0; System.nanoTime() < end; i++) {
                    if (interval > 0) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        next += interval;
                    }
                    String community = communities.get((self + i * clients) % communities.size());
                    String organization = "b" + runTag + "-" + ORGANIZATIONS.incrementAndGet();
                    long sent = System.nanoTime();
                    try {
                        BenchCommands.Answer answer = api.join(community, organization);
                        long answered = System.nanoTime();
                        if (answer.accepted()) {
                            latency.record(answered - sent);
                            accepted.incrementAndGet();
                            if (listener != null) {
                                listener.accepted(answer.position(), answered);
                            }
                        } else {
                            error(errors, firstError, answer.refusal());
                        }
                    } catch (Exception e) {
                        error(errors, firstError, e.toString());
                    }
                }
            }, "load-" + client);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(accepted.get(), errors.get(), seconds, latency.histogram(), firstError[0]);
    }

    private static synchronized void error(AtomicLong errors, String[] firstError, String what) {
        if (errors.incrementAndGet() == 1) {
            firstError[0] = what.length() > 300 ? what.substring(0, 300) : what;
        }
    }
}
