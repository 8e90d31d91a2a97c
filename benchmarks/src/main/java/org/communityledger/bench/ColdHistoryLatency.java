package org.communityledger.bench;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.communityledger.launcher.LocalSystem;

/**
 * P6 cold: what a user meets on the first command after the command service restarted, when nothing is in its
 * cache and the community is read from the service's latest snapshot and the events after it.
 *
 * <p>The service is killed and started again. Its first requests pay for things no history causes (a bcrypt
 * sign-in that is not remembered yet, lazily initialised beans, the first snapshot read): a community established
 * after the restart and a join on another community that has a snapshot take them, and are reported apart. Then
 * the first join on each of a number of short communities untouched since the restart, with the long community's
 * first join in the middle of them: the figure is the long one's latency over the short ones' median, against
 * P6's target.
 */
final class ColdHistoryLatency {

    record Result(double restartSeconds, long serviceFirstMicros, long firstSnapshotMicros, long longMicros, boolean longAccepted,
                  Histogram shortFirst, long errors) {

        double ratio() {
            return shortFirst.getTotalCount() == 0 ? Double.NaN
                    : (double) longMicros / shortFirst.getValueAtPercentile(50);
        }

        /** Met only when every command was accepted and the long history's cold load is within the target. */
        boolean met() {
            return longAccepted && errors == 0 && shortFirst.getTotalCount() > 0 && ratio() <= HistoryLatency.TARGET;
        }
    }

    private ColdHistoryLatency() {
    }

    static Result measure(LocalSystem system, String longCommunity, List<String> shortCommunities,
                          String snapshotted) throws Exception {
        long restarting = System.nanoTime();
        system.kill(LocalSystem.Part.COMMAND);
        system.restart(LocalSystem.Part.COMMAND);
        double restartSeconds = (System.nanoTime() - restarting) / 1e9;
        BenchCommands api = new BenchCommands(system.commandUrl());
        long started = System.nanoTime();
        api.establish("P6 after restart");
        long serviceFirst = (System.nanoTime() - started) / 1000;
        started = System.nanoTime();
        long errors = api.join(snapshotted, "p6-cold-warm-up").accepted() ? 0 : 1;
        long firstSnapshot = (System.nanoTime() - started) / 1000;

        LatencyRecorder shortFirst = new LatencyRecorder();
        int half = shortCommunities.size() / 2;
        long longMicros = 0;
        boolean longAccepted = false;
        for (int i = 0; i <= shortCommunities.size(); i++) {
            if (i == half) {
                long sent = System.nanoTime();
                longAccepted = api.join(longCommunity, "p6-cold").accepted();
                longMicros = (System.nanoTime() - sent) / 1000;
            }
            if (i < shortCommunities.size()) {
                long sent = System.nanoTime();
                boolean accepted = api.join(shortCommunities.get(i), "p6-cold-" + i).accepted();
                shortFirst.record(System.nanoTime() - sent);
                errors += accepted ? 0 : 1;
            }
        }
        return new Result(restartSeconds, serviceFirst, firstSnapshot, longMicros, longAccepted, shortFirst.histogram(), errors);
    }
}
