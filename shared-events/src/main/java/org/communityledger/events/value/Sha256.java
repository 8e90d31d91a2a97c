package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hexadecimal characters (upper case is accepted and normalised). */
public record Sha256(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        Objects.requireNonNull(value, "sha256");
        value = value.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a SHA-256 digest: 64 hexadecimal characters");
        }
    }

    @JsonCreator
    public static Sha256 of(String value) {
        return new Sha256(value);
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
