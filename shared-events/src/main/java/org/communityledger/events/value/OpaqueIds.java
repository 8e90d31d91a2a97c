package org.communityledger.events.value;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The shape shared by ids the ledger makes itself (communities, plaques, agreements): opaque, URL-safe. */
final class OpaqueIds {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private OpaqueIds() {
    }

    static String requireValid(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1-64 letters, digits or dashes");
        }
        return value;
    }

    static String newValue() {
        return UUID.randomUUID().toString();
    }
}
