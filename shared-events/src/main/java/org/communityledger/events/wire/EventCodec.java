package org.communityledger.events.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.communityledger.events.CommunityEvent;

/**
 * The JSON form of events, the same on both sides and in the event store. Dates are ISO strings; an
 * unknown field is an error, because a field this side does not know means a revision it cannot read.
 * Older revisions are upcast to the current one; later ones are refused.
 */
public final class EventCodec {

    private final ObjectMapper mapper = newObjectMapper();

    /** A Jackson 2 mapper configured as the contract requires; also what Axon's serializer uses. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public byte[] encode(CommunityEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    public CommunityEvent decode(String name, int revision, byte[] json) {
        EventType type = EventTypes.named(name)
                .orElseThrow(() -> new UndecodableEventException("unknown event name '" + name + "'"));
        if (revision > type.revision() || revision < 1) {
            throw new UndecodableEventException(
                    "event " + name + " revision " + revision + " cannot be read; this side reads revisions 1 to "
                            + type.revision());
        }
        try {
            if (revision == type.revision()) {
                return mapper.readValue(json, type.javaType());
            }
            JsonNode old = mapper.readTree(json);
            if (!(old instanceof ObjectNode object)) {
                throw new UndecodableEventException("event " + name + " revision " + revision + " is not an object");
            }
            return mapper.treeToValue(EventUpcasters.upcast(name, revision, type.revision(), object), type.javaType());
        } catch (IOException | IllegalArgumentException e) {
            throw new UndecodableEventException("event " + name + " revision " + revision + " is malformed: "
                    + e.getMessage(), e);
        }
    }
}
