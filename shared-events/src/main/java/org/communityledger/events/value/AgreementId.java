package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a cooperation agreement; made by the command service when an agreement is signed. */
public record AgreementId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    public AgreementId {
        Objects.requireNonNull(value, "agreementId");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("agreementId must be 1-64 letters, digits or dashes");
        }
    }

    public static AgreementId newId() {
        return new AgreementId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static AgreementId of(String value) {
        return new AgreementId(value);
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
