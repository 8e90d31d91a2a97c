package org.communityledger.query.projection;

/** What the projector did with an event. */
public enum Applied {
    /** The views changed. */
    CHANGED,
    /** The event had been applied before (a redelivery); nothing changed. */
    DUPLICATE_SKIPPED
}
