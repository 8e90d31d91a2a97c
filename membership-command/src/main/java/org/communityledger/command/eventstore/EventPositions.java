package org.communityledger.command.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.communityledger.events.value.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the global position the event store gave to a community's event. */
@Component
public class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The global position of an event read by an event processor. Not the tracking token's position, which
     * is the highest position seen and belongs to another event when this one committed late.
     */
    public static long ofTracked(EventMessage<?> message) {
        Object position = message.getMetaData().get(PositionedEventStorageEngine.POSITION);
        if (!(position instanceof Number number)) {
            throw new IllegalStateException("event " + message.getIdentifier() + " was not read through the "
                    + "positioned event storage engine");
        }
        return number.longValue();
    }

    /** The position of the event that made the community reach {@code version}; it must be committed. */
    public long positionOf(CommunityId communityId, long version) {
        return jdbc.sql("""
                        select global_index from domain_event_entry
                        where aggregate_identifier = :communityId and sequence_number = :sequenceNumber""")
                .param("communityId", communityId.value())
                .param("sequenceNumber", version - 1)
                .query(Long.class)
                .single();
    }
}
