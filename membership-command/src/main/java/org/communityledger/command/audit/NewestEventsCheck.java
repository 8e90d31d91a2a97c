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
import org.springframework.stereotype.Component;

/**
 * Checks the newest events once as the service starts, before it reports ready: each event's hash recomputed from its
 * stored content, each link to the event before it in the same community (within the window; a full check is
 * the verify endpoint's), and each stored payload and metadata one well-formed JSON value. It catches an edit
 * made in the table while the service was down, and names it in the log and in the gauge
 * {@code ledger.audit.newest.events.problems}.
 *
 * <p>It also runs the audit's per-event code (the store's cursor, the seal, the chain hash, the JSON check)
 * through the JIT compiler before an auditor's first request: on this project's 2-core machine the first verify
 * call over 100,000 events ran at 87,000 events/s without it, and 134,000–140,000 once compiled. Running
 * before readiness keeps it off the first users' requests; at the default window it adds about 2 s to a start
 * over a long log (measured: 50,000 events in 2,064 ms, the JVM still cold).
 */
@Component
class NewestEventsCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NewestEventsCheck.class);
    /** Problems named in the log; the gauge counts them all. */
    private static final int PROBLEMS_LOGGED = 10;

    private final StoredEvents storedEvents;
    private final AuditProperties properties;
    private final AtomicLong problemsFound = new AtomicLong();

    NewestEventsCheck(StoredEvents storedEvents, AuditProperties properties, MeterRegistry meters) {
        this.storedEvents = storedEvents;
        this.properties = properties;
        Gauge.builder("ledger.audit.newest.events.problems", problemsFound, AtomicLong::get)
                .description("Events among the newest that failed the check after the service started")
                .register(meters);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (properties.newestEventsCheck() <= 0) {
            return;
        }
        try {
            long started = System.nanoTime();
            Result result = check(properties.newestEventsCheck());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (result.problems().isEmpty()) {
                log.info("The newest {} events ({} communities) keep their seals and hold well-formed JSON; checked in {} ms",
                        result.events(), result.communities(), millis);
            } else {
                log.warn("{} of the newest {} events fail their check, the log was edited: {}", result.problems().size(),
                        result.events(), String.join("; ", result.problems().subList(0,
                                Math.min(PROBLEMS_LOGGED, result.problems().size()))));
            }
        } catch (RuntimeException e) {
            log.warn("The check of the newest events could not run: {}", e.toString());
        }
    }

    /**
     * Checks the events in the newest {@code newest} positions (fewer events where a rolled-back command left a
     * hole) and answers what it found.
     */
    Result check(int newest) {
        long latest = storedEvents.latestPosition();
        Map<String, ChainWalk> walks = new HashMap<>();
        List<String> problems = new ArrayList<>();
        long[] events = {0};
        storedEvents.streamAll(null, Math.max(0, latest - newest), latest, event -> {
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
        problemsFound.set(problems.size());
        return new Result(events[0], walks.size(), problems);
    }

    /** What a check found: how many events and communities it read, and each problem in a sentence. */
    record Result(long events, int communities, List<String> problems) {
    }
}
