package org.communityledger.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.communityledger.client.metrics.MetricsApi;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 11: the views' database is unavailable to the query side for 30 s under load, while the event store
 * (same PostgreSQL) stays up for the command side. The stand-in: the views' schema is renamed away, so every
 * statement of the projector fails with "relation does not exist" (42P01), and the query service's sessions
 * are terminated once at the start (57P01, then broken connections), as a restart of its database would.
 *
 * <p>Those are transient failures: the projector must retry them for as long as they last, count them, and park
 * nothing; the views fall behind the topic (the projection lag, read by the service from Kafka) and catch up
 * once the schema is back.
 */
final class ViewsDatabaseOutage extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String VIEWS = "projection";
    private static final String AWAY = "projection_unavailable";
    /** The query service's sessions, by the application name it gives its database connections. */
    private static final String QUERY_SERVICE = "membership-query";
    private static final String LAG = "ledger_projection_lag_records";
    private static final String PARKED = "ledger_projection_records_parked_total";
    private static final String TRANSIENT_RETRIES = "ledger_projection_retries_transient_total";
    /** The lag is read from Kafka every 5 s; caught up views show 0 within a few of those once the load stops. */
    private static final Duration LAG_AT_REST_WITHIN = Duration.ofSeconds(30);

    ViewsDatabaseOutage() {
        super("11", "the views' database unavailable for 30 s under load");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        try (MetricSampler lag = new MetricSampler(drill.queryAs("admin").metrics(), List.of(LAG))) {
            Outage outage = new Outage(lag);
            return FaultUnderLoad.run(this, drill, outage::inject, outage::aftermath);
        }
    }

    /** One run: what was counted before the outage, and when it began and ended. */
    private static final class Outage {

        private final MetricSampler lag;
        private final long sampledFrom = System.nanoTime();
        private double parkedBefore;
        private int deadLettersBefore;
        private double retriesBefore;
        private long awayAt;
        private long backAt;

        Outage(MetricSampler lag) {
            this.lag = lag;
        }

        long inject(Drill drill, RecordingLoad load, List<String> communities, List<String> observations,
                    List<String> findings) throws Exception {
            ServiceMetrics.Scrape before = ServiceMetrics.scrape(drill.queryAs("admin").metrics());
            parkedBefore = zeroIfAbsent(before.sum(PARKED));
            retriesBefore = zeroIfAbsent(before.sum(TRANSIENT_RETRIES));
            deadLettersBefore = new ProjectionAdmin(drill).deadLetters(null, null).size();
            try (Connection connection = drill.store().connect()) {
                awayAt = System.nanoTime();
                rename(connection, VIEWS, AWAY);
                try {
                    int terminated = ServiceSessions.terminate(drill, QUERY_SERVICE);
                    observations.add(terminated + " sessions of the query service terminated at the start");
                    if (terminated == 0) {
                        findings.add("no session of the query service was found to terminate");
                    }
                    Rest.sleep(OUTAGE);
                } finally {
                    rename(connection, AWAY, VIEWS);
                    backAt = System.nanoTime();
                }
            }
            return backAt;
        }

        void aftermath(Drill drill, List<String> communities, List<String> observations, List<String> findings)
                throws Exception {
            long loadStoppedAt = System.nanoTime();
            MetricsApi query = drill.queryAs("admin").metrics();
            boolean atRest = Await.until(LAG_AT_REST_WITHIN, MetricSampler.EVERY,
                    () -> ServiceMetrics.sum(query, LAG) == 0);
            // Under steady load the lag is often a few records; the outage must show far more than that.
            double steadyLag = MetricSampler.max(lag.between(sampledFrom, awayAt), LAG);
            double maxLag = MetricSampler.max(lag.between(awayAt, backAt), LAG);
            long caughtUpAt = MetricSampler.firstAtZero(lag.between(backAt, loadStoppedAt), LAG);
            observations.add(String.format("projection lag up to %.0f records during the outage (%.0f under the same"
                    + " load before it); %s", maxLag, steadyLag, caughtUpAt < 0 ? "back to 0 only once the load stopped"
                    : String.format("back to 0 %.1f s after the schema was back", (caughtUpAt - backAt) / 1e9)));
            if (!(maxLag > 0 && maxLag > steadyLag)) {
                findings.add("the projection lag (" + LAG + ") did not rise during the outage: up to " + maxLag
                        + ", and " + steadyLag + " under the same load before it");
            }
            if (!atRest) {
                findings.add("the projection lag was not back to 0 within " + LAG_AT_REST_WITHIN.toSeconds()
                        + " s of the load's end");
            }
            ServiceMetrics.Scrape after = ServiceMetrics.scrape(query);
            double retries = zeroIfAbsent(after.sum(TRANSIENT_RETRIES)) - retriesBefore;
            double parked = zeroIfAbsent(after.sum(PARKED)) - parkedBefore;
            int deadLetters = new ProjectionAdmin(drill).deadLetters(null, null).size() - deadLettersBefore;
            observations.add(String.format("transient retries +%.0f, parked +%.0f, dead letters +%d", retries, parked,
                    deadLetters));
            if (!(retries > 0)) {
                findings.add("no transient retry was counted (" + TRANSIENT_RETRIES + ")");
            }
            if (parked != 0 || deadLetters != 0) {
                findings.add("a transient outage parked records: " + PARKED + " +" + parked + ", dead letters +"
                        + deadLetters);
            }
        }

        private static double zeroIfAbsent(double sum) {
            return Double.isNaN(sum) ? 0 : sum;
        }

        /** Never waits long for a lock: a rename that hangs must fail the scenario, not stall it. */
        private static void rename(Connection connection, String from, String to) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set lock_timeout = '10s'");
                statement.execute("alter schema " + from + " rename to " + to);
            }
        }
    }
}
