package org.communityledger.events.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Every upcaster of the contract, and the walk from an old revision to the current one. */
public final class EventUpcasters {

    private static final List<EventUpcaster> ALL = List.of(new MemberJoinedRevision1To2());

    private EventUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return ALL;
    }

    public static Optional<EventUpcaster> from(String eventName, int revision) {
        return ALL.stream()
                .filter(upcaster -> upcaster.eventName().equals(eventName) && upcaster.fromRevision() == revision)
                .findFirst();
    }

    /** The JSON of {@code targetRevision}, reached one revision at a time; fails if a step is missing. */
    static ObjectNode upcast(String eventName, int revision, int targetRevision, ObjectNode json) {
        ObjectNode current = json;
        for (int step = revision; step < targetRevision; step++) {
            int from = step;
            current = from(eventName, from)
                    .orElseThrow(() -> new UndecodableEventException(
                            "no upcaster for " + eventName + " revision " + from))
                    .upcast(current);
        }
        return current;
    }
}
