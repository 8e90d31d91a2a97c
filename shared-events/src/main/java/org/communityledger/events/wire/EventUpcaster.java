package org.communityledger.events.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites the JSON of one revision of an event into the next revision's. Used by the event store when it
 * reads old events and by the query side when it reads old records, so both read history the same way.
 */
public interface EventUpcaster {

    String eventName();

    int fromRevision();

    /** The JSON of revision {@code fromRevision() + 1}. May modify and return its argument. */
    ObjectNode upcast(ObjectNode json);
}
