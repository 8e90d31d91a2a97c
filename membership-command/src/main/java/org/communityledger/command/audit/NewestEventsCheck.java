package org.communityledger.command.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the newest settled events as the service starts, before it reports ready, and then, every minute, the
 * events that settled since: each event's hash recomputed from its stored content, each link to the event before it in the
 * same community (within the window; a full check is the verify endpoint's), and each stored payload and metadata
 * one well-formed JSON value. The first check catches an edit made in the table while the service was down; the
 * later ones an edit of a new event made while it runs, a minute after the event settled at most, where before
 * only the next restart or an auditor's verify would have. What it finds is named in the log and counted in the
 * gauge {@code ledger.audit.newest.events.problems}, which stays up until the service restarts.
 *
 * <p>It also keeps the audit's per-event code (the store's pages, the seal, the chain hash, the JSON check)
 * compiled by the JIT for an auditor's request: on this project's 2-core machine the first verify call over
 * 100,000 events ran at 117,000 events/s on a service that had never run it (its C2 compiler busy for 0.54 s of
 * the 0.85 s), and at 217,000–324,000 once compiled.
 * Running before readiness keeps the first check off the first users' requests; at the default window it adds
 * about 2 s to a start over a long log (measured: 50,000 events in 2,064 ms, the JVM still cold). A later check
 * reads each new event once, a window of the first check's size at a time.
 */
@Component
class NewestEventsCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NewestEventsCheck.class);
    /** Problems named in the log; the gauge counts them all. */
    private static final int PROBLEMS_LOGGED = 10;

    private final StoredEvents storedEvents;
    private final AuditProperties properties;
    private final AtomicLong problemsFound = new AtomicLong();
    /** The position up to which every event has been checked (or was older than the first check's window). */
    private final AtomicLong checkedUpTo = new AtomicLong(NOT_STARTED);
    private static final long NOT_STARTED = -1;

    NewestEventsCheck(StoredEvents storedEvents, AuditProperties properties, MeterRegistry meters) {
        this.storedEvents = storedEvents;
        this.properties = properties;
        Gauge.builder("ledger.audit.newest.events.problems", problemsFound, AtomicLong::get)
                .description("Events among the newest and the new ones that failed the check since the service started")
                .register(meters);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (properties.newestEventsCheck() <= 0) {
            return;
        }
        try {
            long started = System.nanoTime();
            // Up to the settled position only: above it a hole may still be filled, and the events there are the
            // next check's, so no event is read (or counted as a problem) twice.
            long settled = storedEvents.safePosition(properties.settle());
            Result result = check(Math.max(0, settled - properties.newestEventsCheck()), settled);
            checkedUpTo.set(settled);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (result.problems().isEmpty()) {
                log.info("The newest {} events ({} communities) keep their seals and hold well-formed JSON; checked in {} ms",
                        result.events(), result.communities(), millis);
            } else {
                logProblems("the newest", result);
            }
        } catch (RuntimeException e) {
            log.warn("The check of the newest events could not run: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${ledger.audit.new-events-check-interval:1m}",
            initialDelayString = "${ledger.audit.new-events-check-interval:1m}")
    void checkNewEventsOnSchedule() {
        try {
            Result result = checkNewEvents();
            if (!result.problems().isEmpty()) {
                logProblems("the new", result);
            }
        } catch (RuntimeException e) {
            log.warn("The check of the new events could not run; the next one goes over them: {}", e.toString());
        }
    }

    /**
     * Checks every event that settled since the last check, a window of the first check's size at a time (one
     * transaction each), and answers what it found (nothing before the first check has run, or when it is turned
     * off). A burst, such as a bulk import, is checked as soon as it settles rather than a window a minute.
     */
    Result checkNewEvents() {
        if (properties.newestEventsCheck() <= 0 || checkedUpTo.get() == NOT_STARTED) {
            return Result.NOTHING;
        }
        long settled = storedEvents.safePosition(properties.settle());
        Result found = Result.NOTHING;
        for (long from = checkedUpTo.get(); from < settled; from = checkedUpTo.get()) {
            long upTo = Math.min(settled, from + properties.newestEventsCheck());
            found = found.and(check(from, upTo));
            checkedUpTo.set(upTo);
        }
        return found;
    }

    private void logProblems(String which, Result result) {
        log.warn("{} of {} {} events fail their check, the log was edited: {}", result.problems().size(), which,
                result.events(), String.join("; ", result.problems().subList(0,
                        Math.min(PROBLEMS_LOGGED, result.problems().size()))));
    }

    /**
     * Checks the events in the newest {@code newest} positions (fewer events where a rolled-back command left a
     * hole) and answers what it found.
     */
    Result check(int newest) {
        long latest = storedEvents.latestPosition();
        return check(Math.max(0, latest - newest), latest);
    }

    /** Checks the events after one position up to another, and answers what it found. */
    private Result check(long afterPosition, long upToPosition) {
        Map<String, ChainWalk> walks = new HashMap<>();
        List<String> problems = new ArrayList<>();
        long[] events = {0};
        storedEvents.streamAll(null, afterPosition, upToPosition, event -> {
            events[0]++;
            ChainWalk walk = walks.computeIfAbsent(event.communityId(), community -> ChainWalk.joiningAt(event));
            boolean wasValid = walk.valid();
            walk.check(event);
            if (wasValid && !walk.valid()) {
                problems.add("community " + event.communityId() + " " + walk.reason());
            } else if (!StoredJson.isOneValue(event.metaData(), true) || !StoredJson.isOneValue(event.payload(), false)) {
                problems.add("community " + event.communityId() + " version " + event.version() + " (position "
                        + event.position() + "): its stored metadata or payload is not one line of well-formed JSON");
            }
        });
        problemsFound.addAndGet(problems.size());
        return new Result(events[0], walks.size(), problems);
    }

    /** What a check found: how many events and communities it read, and each problem in a sentence. */
    record Result(long events, int communities, List<String> problems) {
        static final Result NOTHING = new Result(0, 0, List.of());

        /** Both checks' findings; a community in both windows counts twice. */
        Result and(Result next) {
            List<String> all = new ArrayList<>(problems);
            all.addAll(next.problems());
            return new Result(events + next.events(), communities + next.communities(), all);
        }
    }
}
