package org.communityledger.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.communityledger.client.metrics.MetricsApi;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 13: the Kafka broker is down for a minute under load (SIGKILL, then started again). Commands are
 * still accepted and stored; nothing reaches the topic meanwhile. What an operator must see is the publisher's
 * lag: the events stored and not yet on Kafka, and the age of the oldest of them, both on the command service,
 * rising through the outage and back to 0 once the publisher has caught up; and the alert rule on that age
 * (LedgerPublisherLagging in ops/prometheus/alerts.yml) must fire on such an outage. The suite scrapes the
 * gauges every second, as Prometheus would, and evaluates the rule on those samples.
 */
final class BrokerOutage extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final String ALERT = "LedgerPublisherLagging";
    private static final Path RULES = Path.of("ops", "prometheus", "alerts.yml");
    private static final String LAG_EVENTS = "ledger_publisher_lag_events";
    private static final String LAG_OLDEST = "ledger_publisher_lag_oldest_seconds";
    /** The gauges answer from a reading at most 5 s old (ledger.publisher.lag-refresh); a few of those. */
    private static final Duration LAG_AT_REST_WITHIN = Duration.ofSeconds(30);

    BrokerOutage() {
        super("13", "Kafka down for 60 s under load");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        // Read first: a rule the suite cannot judge fails the scenario before a minute's outage is spent on it.
        AlertRule rule = AlertRule.read(drill.system().settings().home().resolve(RULES), ALERT);
        try (MetricSampler lag = new MetricSampler(drill.commandService().metrics(), List.of(LAG_EVENTS, LAG_OLDEST, rule.metric()))) {
            Outage outage = new Outage(rule, lag);
            return FaultUnderLoad.run(this, drill, outage::inject, outage::aftermath);
        }
    }

    /** One run: when the broker went down and came back. */
    private static final class Outage {

        private final AlertRule rule;
        private final MetricSampler lag;
        private final long sampledFrom = System.nanoTime();
        private long killedAt;
        private long restartedAt;

        Outage(AlertRule rule, MetricSampler lag) {
            this.rule = rule;
            this.lag = lag;
        }

        long inject(Drill drill, RecordingLoad load, List<String> communities, List<String> observations,
                    List<String> findings) {
            killedAt = System.nanoTime();
            drill.system().kill(LocalSystem.Part.KAFKA);
            Rest.sleep(OUTAGE);
            restartedAt = System.nanoTime();
            drill.system().restart(LocalSystem.Part.KAFKA);
            observations.add(String.format("the broker started again in %.1f s", (System.nanoTime() - restartedAt) / 1e9));
            return restartedAt;
        }

        void aftermath(Drill drill, List<String> communities, List<String> observations, List<String> findings)
                throws Exception {
            long loadStoppedAt = System.nanoTime();
            MetricsApi command = drill.commandService().metrics();
            boolean atRest = Await.until(LAG_AT_REST_WITHIN, MetricSampler.EVERY, () -> {
                ServiceMetrics.Scrape scrape = ServiceMetrics.scrape(command);
                return scrape.sum(LAG_EVENTS) == 0 && scrape.sum(LAG_OLDEST) == 0;
            });
            List<MetricSampler.Sample> outage = lag.between(killedAt, restartedAt);
            double events = MetricSampler.max(outage, LAG_EVENTS);
            double oldest = MetricSampler.max(outage, LAG_OLDEST);
            // Under steady load a few events are often on their way; the outage must leave far more behind.
            double steadyEvents = MetricSampler.max(lag.between(sampledFrom, killedAt), LAG_EVENTS);
            observations.add(String.format("during the outage up to %.0f events unpublished (%.0f under the same load"
                    + " before it), the oldest %.1f s old; back to 0 %s", events, steadyEvents, oldest,
                    backToZero(lag.between(restartedAt, loadStoppedAt))));
            if (!(events > 0 && events > steadyEvents)) {
                findings.add("the publisher's lag (" + LAG_EVENTS + ") did not rise while the broker was down: up to "
                        + events + ", and " + steadyEvents + " under the same load before it");
            }
            // An age that grew through the outage reaches close to its length; half of it allows for the gauges'
            // refresh and the first scrapes after the kill.
            if (!(oldest >= OUTAGE.toSeconds() / 2.0)) {
                findings.add("the age of the oldest unpublished event (" + LAG_OLDEST + ") rose only to " + oldest
                        + " s in a " + OUTAGE.toSeconds() + " s outage");
            }
            if (!atRest) {
                findings.add("the publisher's lag was not back to 0 within " + LAG_AT_REST_WITHIN.toSeconds()
                        + " s of the load's end");
            }
            judge(lag.between(killedAt, System.nanoTime()), observations, findings);
        }

        /** When each gauge was first seen at 0 after the restart (while the load still ran), or that it was not. */
        private String backToZero(List<MetricSampler.Sample> afterRestart) {
            long events = MetricSampler.firstAtZero(afterRestart, LAG_EVENTS);
            long oldest = MetricSampler.firstAtZero(afterRestart, LAG_OLDEST);
            if (events < 0 || oldest < 0) {
                return "only once the load stopped";
            }
            return String.format("%.1f s after the restart", (Math.max(events, oldest) - restartedAt) / 1e9);
        }

        /** Whether the rule would have fired on what was scraped from the kill to the end. */
        private void judge(List<MetricSampler.Sample> samples, List<String> observations, List<String> findings) {
            Duration above = rule.longestAbove(samples);
            long gaps = samples.stream().filter(sample -> Double.isNaN(sample.value(rule.metric()))).count();
            String seen = String.format("%s: %d samples from the kill on, above the threshold for %.0f s at most"
                    + " without a break (peak %.1f), %d without a value", rule, samples.size(), above.toMillis() / 1000.0,
                    MetricSampler.max(samples, rule.metric()), gaps);
            if (rule.wouldFire(samples)) {
                observations.add(seen + ": would have fired");
                return;
            }
            // An age grows by a second a second: above the threshold for the whole 'for' needs an outage of both.
            String needs = rule.metric().equals(LAG_OLDEST) ? String.format("; an age stays above %.0f s for %d s only"
                    + " after an outage of at least %.0f s", rule.threshold(), rule.holdFor().toSeconds(),
                    rule.threshold() + rule.holdFor().toSeconds()) : "";
            findings.add(seen + ": it would not have fired on a " + OUTAGE.toSeconds() + " s outage" + needs);
        }
    }
}
