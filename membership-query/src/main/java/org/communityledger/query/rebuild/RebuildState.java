package org.communityledger.query.rebuild;

/** The stages of a rebuild, as the status endpoint names them. */
public enum RebuildState {
    /** No rebuild has run since the views were created. */
    IDLE,
    /** Reading the topic from offset 0 into new views while the old ones answer and stay live. */
    BUILDING,
    /** Writers of every instance wait at the fence while the last records are applied and the views swapped. */
    CATCHING_UP,
    /** The new views answer. */
    SWITCHED,
    /** The rebuild stopped; the old views stay in place. */
    FAILED;

    boolean running() {
        return this == BUILDING || this == CATCHING_UP;
    }
}
