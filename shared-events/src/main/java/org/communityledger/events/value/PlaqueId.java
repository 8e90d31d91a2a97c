package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a plaque within the ledger; made by the command service when a plaque is awarded. */
public record PlaqueId(String value) {

    public PlaqueId {
        OpaqueIds.requireValid(value, "plaqueId");
    }

    public static PlaqueId newId() {
        return new PlaqueId(OpaqueIds.newValue());
    }

    @JsonCreator
    public static PlaqueId of(String value) {
        return new PlaqueId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
