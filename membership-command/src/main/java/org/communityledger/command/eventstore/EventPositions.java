package org.communityledger.command.eventstore;

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
