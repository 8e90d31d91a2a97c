package org.communityledger.client.rebuild;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The stages of a rebuild, as the status endpoint names them. */
public enum RebuildState {
    /** No rebuild has run since the views were created. */
    IDLE,
    /** Reading the topic into new views while the old ones answer. */
    BUILDING,
    /** Writers wait while the last records are applied and the views swapped. */
    CATCHING_UP,
    /** The new views answer. */
    SWITCHED,
    /** The rebuild stopped; the old views stay in place. */
    FAILED,
    /** A stage this client does not know yet (a newer service). */
    @JsonEnumDefaultValue
    UNKNOWN;

    public boolean running() {
        return this == BUILDING || this == CATCHING_UP;
    }

    /** The rebuild has ended, one way or the other. */
    public boolean finished() {
        return this == SWITCHED || this == FAILED;
    }
}
