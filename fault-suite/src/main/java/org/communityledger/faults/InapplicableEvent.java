package org.communityledger.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityledger.client.community.Community;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 12: one community's next event can never be applied (a trigger on the views refuses its members, as a
 * projector defect would), under load. The projector must retry it a few times, park it (a dead letter,
 * not-applicable) and quarantine that community, holding its later events, while every other community goes
 * on; the operator must see it in the health, the metrics, the quarantine list and the community's view. Then
 * the trigger is dropped (the fix) and the community's dead letters replayed through the admin API: the
 * community must heal, its held events applied once each, and the health come back to UP.
 *
 * <p>The refused community is the one the recovery probe writes to, so the recovery is the time from the replay
 * until a new command of that community is readable from the views. A refused record not parked within 30 s is
 * a finding of its own (its whole partition waits meanwhile); the fix alone then lets it through.
 */
final class InapplicableEvent extends Scenario {

    /** Three retries 500 ms apart, after whatever the partition had queued before the refused record. */
    private static final Duration PARKED_WITHIN = Duration.ofSeconds(30);
    /** The health and the quarantine metrics are refreshed every 5 s. */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(15);
    private static final Duration HEALED_WITHIN = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String NOT_APPLICABLE = "not-applicable";
    /** What Spring Kafka logs each time a failed record is retried instead of being recovered (parked). */
    private static final String STILL_RETRIED = "Record in retry and not yet recovered";
    /** P3's goal (docs/benchmarks.md); only a delay several times it is a finding, see {@link VisibilityDelay}. */
    private static final double GOAL_P50_MILLIS = 50;
    private static final double GOAL_P99_MILLIS = 250;
    private static final double BADLY = 4;

    InapplicableEvent() {
        super("12", "one community's event permanently inapplicable, fixed and replayed");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        Repair repair = new Repair(new ProjectionAdmin(drill));
        return FaultUnderLoad.run(this, drill, repair::inject, repair::aftermath);
    }

    /** One run: the refused community, its dead letter, and the moments that bound the others' delays. */
    private static final class Repair {

        private final ProjectionAdmin admin;
        private String refused;
        private List<String> others;
        private ProjectionAdmin.DeadLetter deadLetter;
        private Instant loadFrom;
        private Instant installedFrom;
        private Instant parkedAt;
        private Instant fixedAt;

        Repair(ProjectionAdmin admin) {
            this.admin = admin;
        }

        long inject(Drill drill, RecordingLoad load, List<String> communities, List<String> observations,
                    List<String> findings) throws Exception {
            // The load spreads its joins evenly over its communities, so each keeps receiving events.
            refused = communities.get(0);
            others = communities.subList(1, communities.size());
            loadFrom = Instant.now().minus(drill.plan().before());
            ProjectionAdmin.Health before = admin.health();
            if (!before.up()) {
                findings.add("the query service's health was " + before + " before the fault");
            }
            long heldWhenSeen;
            installedFrom = Instant.now();
            long stillRetriedBefore = LogLines.containing(drill, LocalSystem.Part.QUERY, STILL_RETRIED);
            try (RefusingTrigger trigger = RefusingTrigger.install(drill.store(), refused)) {
                Instant refusedFrom = Instant.now();
                deadLetter = Await.value(PARKED_WITHIN, POLL,
                        () -> admin.deadLetters("PARKED", refused).stream().findFirst().orElse(null));
                parkedAt = Instant.now();
                if (deadLetter == null) {
                    // Nothing to replay: the fix alone (the trigger dropped as the block ends) lets it through.
                    findings.add("the refused record of community " + refused + " was not parked within "
                            + PARKED_WITHIN.toSeconds() + " s: its partition kept retrying it (the query service"
                            + " logged \"" + STILL_RETRIED + "\" " + (LogLines.containing(drill,
                            LocalSystem.Part.QUERY, STILL_RETRIED) - stillRetriedBefore) + " times meanwhile)");
                    return System.nanoTime();
                }
                observations.add(String.format("version %d parked %.1f s after the trigger: %s, %s",
                        deadLetter.version(), Duration.between(refusedFrom, parkedAt).toMillis() / 1000.0,
                        deadLetter.reasonKind(), Text.tail(deadLetter.reason())));
                if (!NOT_APPLICABLE.equals(deadLetter.reasonKind())
                        || !deadLetter.reason().contains(RefusingTrigger.MESSAGE)) {
                    findings.add("the dead letter does not say the views refused it: " + deadLetter.reasonKind() + " "
                            + Text.clip(deadLetter.reason()));
                }
                Map<String, ProjectedViews.CommunityRow> othersAtPark = drill.views().communities(others);
                heldWhenSeen = awaitQuarantineSeen(drill, observations, findings);
                othersGoOn(drill, othersAtPark, findings);
            }
            // The trigger was dropped as the block ended: the fix, after which the replay must succeed.
            fixedAt = Instant.now();
            long replayAt = System.nanoTime();
            ProjectionAdmin.Replays replays = admin.replayCommunity(refused);
            double replayMillis = (System.nanoTime() - replayAt) / 1e6;
            boolean healed = Await.until(HEALED_WITHIN, Duration.ofMillis(50),
                    () -> admin.quarantined(refused) == null && admin.stale(refused) == null);
            observations.add(String.format("replay answered in %.0f ms (%s); healed (no quarantine, not stale) %.0f ms"
                    + " after the replay", replayMillis, replays, (System.nanoTime() - replayAt) / 1e6));
            judgeReplay(replays, heldWhenSeen, findings);
            if (!healed) {
                findings.add("community " + refused + " was still quarantined or stale " + HEALED_WITHIN.toSeconds()
                        + " s after the replay");
            }
            return replayAt;
        }

        /**
         * Waits until everything an operator looks at shows the quarantine, and reports what never did. Answers
         * the events the community held then.
         */
        private long awaitQuarantineSeen(Drill drill, List<String> observations, List<String> findings)
                throws Exception {
            List<String> unseen = new ArrayList<>();
            long[] held = {0};
            Await.until(SEEN_WITHIN, POLL, () -> {
                unseen.clear();
                held[0] = unseenQuarantine(drill, unseen);
                return unseen.isEmpty();
            });
            if (unseen.isEmpty()) {
                observations.add(String.format("quarantine shown by health, metrics, list and view %.1f s after the"
                        + " park, %d events held", Duration.between(parkedAt, Instant.now()).toMillis() / 1000.0,
                        held[0]));
            } else {
                unseen.forEach(missing -> findings.add("while quarantined: " + missing));
            }
            return held[0];
        }

        /** What does not (yet) show the quarantine, added to {@code unseen}; answers the events held. */
        private long unseenQuarantine(Drill drill, List<String> unseen) throws Exception {
            ProjectionAdmin.Health health = admin.health();
            if (health.up() || !"DEGRADED".equals(health.quarantine()) || !health.quarantined().contains(refused)) {
                unseen.add("the health is " + health + ", not DEGRADED naming " + refused);
            }
            ProjectionAdmin.Quarantined listed = admin.quarantined(refused);
            if (listed == null || listed.missingVersion() != deadLetter.version() || listed.heldEvents() == 0) {
                unseen.add("the quarantine list shows " + listed + ", not " + refused + " missing version "
                        + deadLetter.version() + " with events held");
            }
            Community.Stale stale = admin.stale(refused);
            if (stale == null || stale.missingVersion() != deadLetter.version()) {
                unseen.add("the community's view is stale " + stale + ", not missing version " + deadLetter.version());
            }
            ServiceMetrics.Scrape metrics = ServiceMetrics.scrape(drill.queryAs("admin").metrics());
            for (String gauge : List.of("ledger_projection_communities_quarantined", "ledger_projection_events_held")) {
                if (!(metrics.sum(gauge) >= 1)) {
                    unseen.add(gauge + " is " + metrics.sum(gauge));
                }
            }
            double parked = metrics.value("ledger_projection_dead_letters", "reason=\"" + NOT_APPLICABLE + "\"");
            if (!(parked >= 1)) {
                unseen.add("ledger_projection_dead_letters{reason=\"" + NOT_APPLICABLE + "\"} is " + parked);
            }
            return listed == null ? 0 : listed.heldEvents();
        }

        /** Every other community's views went on while the refused one was quarantined. */
        private void othersGoOn(Drill drill, Map<String, ProjectedViews.CommunityRow> atPark, List<String> findings)
                throws Exception {
            Map<String, ProjectedViews.CommunityRow> now = drill.views().communities(others);
            for (String other : others) {
                if (now.get(other).version() <= atPark.get(other).version()) {
                    findings.add("community " + other + " was not projected while " + refused + " was quarantined"
                            + " (version " + now.get(other).version() + ")");
                }
            }
        }

        private void judgeReplay(ProjectionAdmin.Replays replays, long heldWhenSeen, List<String> findings) {
            if (!replays.failed().isEmpty()) {
                findings.add("the replay failed for " + replays.failed());
            }
            ProjectionAdmin.Replayed replayed = replays.replayed().stream()
                    .filter(letter -> letter.id() == deadLetter.id()).findFirst().orElse(null);
            if (replayed == null || !"APPLIED".equals(replayed.outcome())) {
                findings.add("dead letter " + deadLetter.id() + " was not applied by the replay: " + replays);
            } else if (replayed.releasedEvents() < Math.max(1, heldWhenSeen)) {
                findings.add("the replay released " + replayed.releasedEvents() + " held events; " + heldWhenSeen
                        + " were held before it");
            }
        }

        void aftermath(Drill drill, List<String> communities, List<String> observations, List<String> findings)
                throws Exception {
            if (deadLetter == null) {
                return; // never parked: a finding already, and nothing of the repair to judge
            }
            ProjectionAdmin.Health[] last = {null};
            boolean up = Await.until(SEEN_WITHIN, POLL, () -> (last[0] = admin.health()).up());
            if (!up) {
                findings.add("the query service's health was still " + last[0] + " after the replay and the load");
            }
            if (!admin.deadLetters("PARKED", refused).isEmpty()) {
                findings.add("dead letters of " + refused + " are still parked after the replay");
            }
            // Three sets that do not overlap: those applied before the trigger; those stamped before the park and
            // applied after the trigger, which include the ones the retries held up (the partition waits for them,
            // by design); and those stamped while the community was quarantined, which must not have waited.
            VisibilityDelay before = VisibilityDelay.of(drill.store(), others,
                    VisibilityDelay.Window.applied(loadFrom, installedFrom));
            VisibilityDelay heldUp = VisibilityDelay.of(drill.store(), others,
                    VisibilityDelay.Window.heldUp(installedFrom, parkedAt));
            VisibilityDelay quarantined = VisibilityDelay.of(drill.store(), others,
                    VisibilityDelay.Window.stamped(parkedAt, fixedAt));
            observations.add("the other communities' events, stamped to applied: applied before the trigger " + before
                    + "; stamped before the park and applied after the trigger " + heldUp + "; stamped while "
                    + refused + " was quarantined " + quarantined);
            if (quarantined.events() == 0) {
                findings.add("no event of the other communities was applied while " + refused + " was quarantined");
            } else if (quarantined.p50Millis() > BADLY * GOAL_P50_MILLIS
                    || quarantined.p99Millis() > BADLY * GOAL_P99_MILLIS) {
                findings.add("the other communities' events were slow to the views while " + refused
                        + " was quarantined: " + quarantined + ", P3's goal is p50 " + (long) GOAL_P50_MILLIS
                        + " ms, p99 " + (long) GOAL_P99_MILLIS + " ms");
            }
        }
    }
}
