package org.communityledger.bench;

import org.HdrHistogram.Histogram;

/**
 * P6: sequential member joins on a community with a long history and on a fresh one, interleaved so that both
 * share whatever else the machine is doing. The first command on the long community, which loads it, is
 * reported apart.
 */
final class HistoryLatency {

    record Result(Histogram longHistory, Histogram fresh, long firstCommandMicros, long errors) {
        double ratioOfMedians() {
            return (double) longHistory.getValueAtPercentile(50) / fresh.getValueAtPercentile(50);
        }
    }

    private final LedgerApi api;

    HistoryLatency(String commandUrl) {
        this.api = new LedgerApi(commandUrl, "admin");
    }

    Result measure(String longCommunity, int commands) throws Exception {
        String fresh = api.establish("P6 fresh community");
        long errors = 0;
        long started = System.nanoTime();
        errors += api.join(longCommunity, "p6-first").accepted() ? 0 : 1;
        long firstCommand = (System.nanoTime() - started) / 1000;
        LatencyRecorder onLong = new LatencyRecorder();
        LatencyRecorder onFresh = new LatencyRecorder();
        for (int i = 0; i < commands; i++) {
            errors += timed(onLong, longCommunity, "p6-long-" + i);
            errors += timed(onFresh, fresh, "p6-fresh-" + i);
        }
        return new Result(onLong.histogram(), onFresh.histogram(), firstCommand, errors);
    }

    private long timed(LatencyRecorder recorder, String community, String organization) throws Exception {
        long sent = System.nanoTime();
        boolean accepted = api.join(community, organization).accepted();
        recorder.record(System.nanoTime() - sent);
        return accepted ? 0 : 1;
    }
}
