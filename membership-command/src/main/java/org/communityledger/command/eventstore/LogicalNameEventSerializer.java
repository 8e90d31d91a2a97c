package org.communityledger.command.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.wire.EventTypes;

/**
 * Axon's Jackson serializer, but events are stored under their logical name and revision from the wire
 * contract instead of their Java class name, so the stored log survives refactoring. Anything that is
 * not a community event (metadata, for instance) keeps Axon's default naming.
 */
class LogicalNameEventSerializer extends JacksonSerializer {

    LogicalNameEventSerializer(Builder builder) {
        super(builder);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null && CommunityEvent.class.isAssignableFrom(type)) {
            var eventType = EventTypes.of(type);
            return new SimpleSerializedType(eventType.name(), Integer.toString(eventType.revision()));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventTypes.named(serializedType.getName())
                .map(eventType -> eventType.javaType().getName())
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
