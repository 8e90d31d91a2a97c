package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a plaque within the ledger; made by the command service when a plaque is awarded. */
public record PlaqueId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    public PlaqueId {
        Objects.requireNonNull(value, "plaqueId");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("plaqueId must be 1-64 letters, digits or dashes");
        }
    }

    public static PlaqueId newId() {
        return new PlaqueId(UUID.randomUUID().toString());
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
