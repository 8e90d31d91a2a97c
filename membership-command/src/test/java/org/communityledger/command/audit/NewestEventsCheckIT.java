package org.communityledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.communityledger.command.CommandApi;
import org.communityledger.command.CommandServiceTest;
import org.communityledger.command.Tampering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check of the newest events that the service runs as it starts, and of the new ones that it runs every
 * minute, run here on demand (the tests' services never run the second on their own).
 */
@CommandServiceTest
class NewestEventsCheckIT {

    @LocalServerPort
    int port;

    @Autowired
    NewestEventsCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    MeterRegistry meters;

    @Test
    void an_event_edited_in_the_table_is_named_and_counted_and_the_restored_one_passes() {
        String community = communityOfThreeEvents();
        assertThat(problemsOf(community)).isEmpty();

        byte[] original = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 1")
                .param(community).query(byte[].class).single();
        Tampering tampering = new Tampering(postgres);
        tampering.run("""
                update domain_event_entry set payload = overlay(payload placing convert_to('X', 'UTF8') from 40 for 1)
                where aggregate_identifier = ? and sequence_number = 1""", community);
        try {
            assertThat(problemsOf(community)).containsExactly(
                    "community " + community + " version 2: its content does not match its hash: the event was altered");
            assertThat(meters.get("ledger.audit.newest.events.problems").gauge().value()).isGreaterThanOrEqualTo(1);
        } finally {
            tampering.run("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1",
                    original, community);
        }
        assertThat(problemsOf(community)).isEmpty();
    }

    @Test
    void a_window_that_starts_inside_a_chain_takes_the_link_into_it_as_given() {
        String community = communityOfThreeEvents();

        NewestEventsCheck.Result lastTwo = check.check(2);

        assertThat(lastTwo.events()).isEqualTo(2);
        assertThat(lastTwo.problems()).noneMatch(problem -> problem.contains(community));
    }

    @Test
    void metadata_split_over_two_lines_is_named_though_its_seal_still_fits() {
        CommandApi api = new CommandApi(port);
        String community = api.establish();
        long position = jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = ?")
                .param(community).query(Long.class).single();
        Tampering tampering = new Tampering(postgres);
        // A line break before the closing brace: still the same JSON object, but it would split an export line.
        tampering.run("""
                update domain_event_entry set meta_data = overlay(meta_data placing convert_to(E'\\n}', 'UTF8')
                    from length(meta_data) for 1)
                where aggregate_identifier = ?""", community);
        try {
            assertThat(problemsOf(community)).containsExactly("community " + community + " version 1 (position " + position
                    + "): its stored metadata or payload is not one line of well-formed JSON");
        } finally {
            tampering.run("""
                    update domain_event_entry set meta_data = overlay(meta_data placing convert_to('}', 'UTF8')
                        from length(meta_data) - 1 for 2)
                    where aggregate_identifier = ?""", community);
        }
        assertThat(problemsOf(community)).isEmpty();
    }

    @Test
    void a_new_event_edited_while_the_service_runs_is_named_by_the_next_check_of_new_events_and_only_once() {
        check.checkNewEvents();
        String community = communityOfThreeEvents();
        byte[] original = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 2")
                .param(community).query(byte[].class).single();
        double problemsBefore = meters.get("ledger.audit.newest.events.problems").gauge().value();
        Tampering tampering = new Tampering(postgres);
        tampering.run("""
                update domain_event_entry set payload = overlay(payload placing convert_to('X', 'UTF8') from 40 for 1)
                where aggregate_identifier = ? and sequence_number = 2""", community);
        try {
            NewestEventsCheck.Result newEvents = check.checkNewEvents();

            assertThat(newEvents.events()).isGreaterThanOrEqualTo(3);
            assertThat(newEvents.problems()).containsExactly(
                    "community " + community + " version 3: its content does not match its hash: the event was altered");
            assertThat(meters.get("ledger.audit.newest.events.problems").gauge().value()).isEqualTo(problemsBefore + 1);
            assertThat(check.checkNewEvents().events()).as("events already checked are not read again").isZero();
        } finally {
            tampering.run("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2",
                    original, community);
        }
    }

    private String communityOfThreeEvents() {
        CommandApi api = new CommandApi(port);
        String community = api.establish();
        api.join(community, "hust-press");
        api.join(community, "southern-film-group");
        return community;
    }

    private List<String> problemsOf(String community) {
        return check.check(1000).problems().stream().filter(problem -> problem.contains(community)).toList();
    }
}
