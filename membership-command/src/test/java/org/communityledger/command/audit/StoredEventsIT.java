package org.communityledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.communityledger.command.CommandApi;
import org.communityledger.command.CommandServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit's streams read three events a page here ({@link CommandServiceTest}), each page consumed on a worker
 * while the next is read: every event comes once and in order, across page boundaries and at a full last page,
 * and what the consumer throws ends the stream.
 */
@CommandServiceTest
class StoredEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_community_of_two_full_pages_streams_each_version_once_in_order() {
        String community = communityOf(6);
        List<Long> versions = new ArrayList<>();

        storedEvents.streamCommunity(community, Long.MAX_VALUE, event -> versions.add(event.version()));

        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void the_whole_log_streams_each_position_once_in_order_within_its_range() {
        String community = communityOf(7);
        List<Long> stored = jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = ?"
                + " order by global_index").param(community).query(Long.class).list();
        long after = stored.get(0) - 1;
        long upTo = stored.get(stored.size() - 1);
        List<Long> positions = new ArrayList<>();

        storedEvents.streamAll(null, after, upTo, event -> positions.add(event.position()));

        List<Long> expected = jdbc.sql("select global_index from domain_event_entry where global_index > ?"
                + " and global_index <= ? order by global_index").param(after).param(upTo).query(Long.class).list();
        assertThat(positions).isEqualTo(expected).containsAll(stored).doesNotHaveDuplicates();
    }

    @Test
    void what_the_consumer_throws_ends_the_stream_and_reaches_the_caller() {
        String community = communityOf(8);
        List<Long> versions = new ArrayList<>();

        assertThatThrownBy(() -> storedEvents.streamCommunity(community, Long.MAX_VALUE, event -> {
            if (event.version() == 5) {
                throw new IllegalStateException("stop at version 5");
            }
            versions.add(event.version());
        })).isInstanceOf(IllegalStateException.class).hasMessage("stop at version 5");
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L);
    }

    /** A community of this many events: its establishment and then joins. */
    private String communityOf(int events) {
        CommandApi api = new CommandApi(port);
        String community = api.establish();
        LongStream.range(1, events).forEach(i -> api.join(community, "member-" + i));
        return community;
    }
}
