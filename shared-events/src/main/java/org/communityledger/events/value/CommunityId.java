package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifies a community: the aggregate id in the event store and the Kafka key on the wire.
 * New ids are random UUIDs; the accepted shape is kept a little wider so that ids stay opaque.
 */
public record CommunityId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    public CommunityId {
        Objects.requireNonNull(value, "communityId");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("communityId must be 1-64 letters, digits or dashes");
        }
    }

    public static CommunityId newId() {
        return new CommunityId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static CommunityId of(String value) {
        return new CommunityId(value);
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
