package org.communityledger.query.projection;

/** What the projector did with an event. */
public enum Applied {
    /** The views changed. */
    CHANGED,
    /**
     * The views changed with the event a quarantined community was waiting for: its held events may follow
     * now (see {@link HeldEvents}).
     */
    HEALED,
    /** The event had been applied before (a redelivery); nothing changed. */
    DUPLICATE_SKIPPED,
    /** The event came before one it must follow: it waits, held, and its community is quarantined. */
    HELD;

    public boolean changedViews() {
        return this == CHANGED || this == HEALED;
    }
}
