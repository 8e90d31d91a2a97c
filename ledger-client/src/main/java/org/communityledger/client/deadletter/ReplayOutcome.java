package org.communityledger.client.deadletter;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What applying a parked record again did. */
public enum ReplayOutcome {
    /** Applied to the views, with the events its community held behind it. */
    APPLIED,
    /** Its event had been applied already (it came again meanwhile): nothing changed. */
    ALREADY_APPLIED,
    /** Its community still misses an earlier event: it waits among the held events. */
    HELD,
    /** An outcome this client does not know yet (a newer service). */
    @JsonEnumDefaultValue
    UNKNOWN
}
