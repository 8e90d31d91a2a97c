package org.communityledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.communityledger.launcher.ResidentMemory;

/** P8: the peak resident memory of each service while a load runs, sampled every 200 ms from /proc. */
final class MemoryWatch implements AutoCloseable {

    private final Map<String, Long> pids;
    private final Map<String, Long> peakMegabytes = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    MemoryWatch(Map<String, Long> pids) {
        this.pids = pids;
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            pids.forEach((name, pid) -> ResidentMemory.megabytesOf(pid)
                    .ifPresent(megabytes -> peakMegabytes.merge(name, megabytes, Math::max)));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Map<String, Long> peaks() {
        return new LinkedHashMap<>(peakMegabytes);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1000);
    }
}
