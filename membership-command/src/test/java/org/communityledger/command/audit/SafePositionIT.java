package org.communityledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.communityledger.command.CommandServiceTest;
import org.communityledger.command.Tampering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Digests and the feed stop below a hole that a command still committing might fill. */
@CommandServiceTest
class SafePositionIT {

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void a_young_hole_holds_the_safe_position_below_it_and_a_settled_one_does_not() {
        long latest = storedEvents.latestPosition();
        long afterHole = latest + 2;
        String community = "hole-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (:position, :id, 0, 'Community', :eventId, convert_to('{}', 'UTF8'),
                                convert_to('{}', 'UTF8'), '1', 'CommunityEstablished', :timestamp)""")
                .param("position", afterHole)
                .param("id", community)
                .param("eventId", UUID.randomUUID().toString())
                .param("timestamp", Instant.now().toString())
                .update();
        try {
            assertThat(storedEvents.safePosition(Duration.ofSeconds(10))).isLessThan(latest + 1);
            assertThat(storedEvents.safePosition(Duration.ZERO)).isEqualTo(afterHole);
        } finally {
            // The store refuses deletes to the service; the superuser switches its triggers off to clean up.
            new Tampering(postgres).run("delete from domain_event_entry where aggregate_identifier = ?", community);
        }
    }
}
