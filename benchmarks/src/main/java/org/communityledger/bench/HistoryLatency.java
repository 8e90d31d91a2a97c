package org.communityledger.bench;

import org.HdrHistogram.Histogram;

/**
 * P6 warm: sequential member joins on a community with a long history and on a fresh one, interleaved so that
 * both share whatever else the machine is doing, once the long community is loaded (in the service's cache).
 * What a user meets on the first command after a restart is {@link ColdHistoryLatency}'s.
 */
final class HistoryLatency {

    /** P6's target, for the warm and the cold figure alike: long history / short one, ratio of medians. */
    static final double TARGET = 1.2;

    record Result(Histogram longHistory, Histogram fresh, long errors, String freshCommunity) {
        double ratioOfMedians() {
            return (double) longHistory.getValueAtPercentile(50) / fresh.getValueAtPercentile(50);
        }

        boolean met() {
            return errors == 0 && longHistory.getTotalCount() > 0 && fresh.getTotalCount() > 0
                    && ratioOfMedians() <= TARGET;
        }
    }

    /** The bench-seeded history's first load: how long the command took and whether it was accepted. */
    record Priming(long micros, boolean accepted) {
    }

    private final BenchCommands api;

    HistoryLatency(String commandUrl) {
        this.api = new BenchCommands(commandUrl);
    }

    /**
     * The first command on a history the bench wrote straight into the store: it has no snapshot yet, so the
     * service reads every event, and its snapshot trigger then has Axon's snapshotter store one, as it would
     * have done along the way had the history been built over the API. Not a figure: the seeding's cost.
     */
    Priming prime(String longCommunity) throws Exception {
        long started = System.nanoTime();
        boolean accepted = api.join(longCommunity, "p6-first").accepted();
        return new Priming((System.nanoTime() - started) / 1000, accepted);
    }

    Result measure(String longCommunity, int commands) throws Exception {
        String fresh = api.establish("P6 fresh community");
        long errors = 0;
        LatencyRecorder onLong = new LatencyRecorder();
        LatencyRecorder onFresh = new LatencyRecorder();
        for (int i = 0; i < commands; i++) {
            errors += timed(onLong, longCommunity, "p6-long-" + i);
            errors += timed(onFresh, fresh, "p6-fresh-" + i);
        }
        return new Result(onLong.histogram(), onFresh.histogram(), errors, fresh);
    }

    private long timed(LatencyRecorder recorder, String community, String organization) throws Exception {
        long sent = System.nanoTime();
        boolean accepted = api.join(community, organization).accepted();
        recorder.record(System.nanoTime() - sent);
        return accepted ? 0 : 1;
    }
}
