package org.communityledger.events.wire;

import org.communityledger.events.CommunityEvent;

/**
 * How an event is named on the wire and in the event store: a stable logical name and the revision of
 * its JSON shape. Never the Java class name, so classes can be renamed and moved freely.
 */
public record EventType(String name, int revision, Class<? extends CommunityEvent> javaType) {
}
