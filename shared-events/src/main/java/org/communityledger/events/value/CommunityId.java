package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a community: the aggregate id in the event store and the Kafka key on the wire.
 * New ids are random UUIDs; the accepted shape is kept a little wider so that ids stay opaque.
 */
public record CommunityId(String value) {

    public CommunityId {
        OpaqueIds.requireValid(value, "communityId");
    }

    public static CommunityId newId() {
        return new CommunityId(OpaqueIds.newValue());
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
