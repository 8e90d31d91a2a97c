package org.communityledger.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.communityledger.events.wire.EventUpcaster;
import org.communityledger.events.wire.EventUpcasters;

/**
 * Lets the event store read old revisions with the contract's own upcasters, one revision per pass
 * (Axon runs the chain until nothing matches), so that the aggregate and the query side read history alike.
 */
class StoredEventUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return upcasterFor(representation).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        EventUpcaster upcaster = upcasterFor(representation).orElseThrow();
        SimpleSerializedType next = new SimpleSerializedType(upcaster.eventName(),
                Integer.toString(upcaster.fromRevision() + 1));
        return representation.upcastPayload(next, JsonNode.class, json -> upcaster.upcast((ObjectNode) json));
    }

    private static Optional<EventUpcaster> upcasterFor(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        if (revision == null || !revision.chars().allMatch(Character::isDigit) || revision.isEmpty()) {
            return Optional.empty();
        }
        return EventUpcasters.from(representation.getType().getName(), Integer.parseInt(revision));
    }
}
