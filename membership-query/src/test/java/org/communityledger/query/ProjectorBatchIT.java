package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityledger.query.TopicWriter.envelope;
import static org.communityledger.query.TopicWriter.established;
import static org.communityledger.query.TopicWriter.joined;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.communityledger.events.MemberLeft;
import org.communityledger.events.MemberRoleAssigned;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.query.projection.Applied;
import org.communityledger.query.projection.CommunityProjector;
import org.communityledger.query.projection.HeldEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projector handed a whole batch, as live consumption and rebuilds do: the events take effect in their
 * order within one transaction, what was seen is skipped, and an event ahead of its predecessor waits, held,
 * without holding up the rest of the batch, until its predecessor comes.
 */
@QueryServiceTest
class ProjectorBatchIT {

    @Autowired
    CommunityProjector projector;

    @Autowired
    HeldEvents heldEvents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_batch_takes_effect_in_order_and_skips_a_redelivered_event() {
        CommunityId community = CommunityId.newId();
        OrganizationId chair = OrganizationId.of("southern-film-group");
        List<Applied> results = projector.applyAll(List.of(
                envelope(community, 1, established(community)),
                envelope(community, 2, joined(community, "southern-film-group", "南方影视集团")),
                envelope(community, 3, joined(community, "leaving-member", "即将退出的成员")),
                envelope(community, 2, joined(community, "southern-film-group", "南方影视集团")),
                envelope(community, 4, new MemberRoleAssigned(community, chair, MemberRole.CHAIR_UNIT)),
                envelope(community, 5, new MemberLeft(community, OrganizationId.of("leaving-member"),
                        "moved away", LocalDate.of(2025, 10, 20)))));

        assertThat(results).containsExactly(Applied.CHANGED, Applied.CHANGED, Applied.CHANGED,
                Applied.DUPLICATE_SKIPPED, Applied.CHANGED, Applied.CHANGED);
        Map<String, Object> view = jdbc.sql(
                        "select version, member_count, chair_unit from community where community_id = :id")
                .param("id", community.value()).query().singleRow();
        assertThat(view).containsEntry("version", 5L).containsEntry("member_count", 1)
                .containsEntry("chair_unit", "southern-film-group");
        assertThat(jdbc.sql("""
                        select organization_id || ':' || active || ':' || array_to_string(roles, ',') from member
                        where community_id = :id order by organization_id""")
                .param("id", community.value()).query(String.class).list())
                .containsExactly("leaving-member:false:", "southern-film-group:true:CHAIR_UNIT");
        assertThat(jdbc.sql("select version from projection_change where community_id = :id order by change_id")
                .param("id", community.value()).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void an_event_ahead_of_its_predecessor_is_held_while_the_rest_of_the_batch_goes_on() {
        CommunityId waiting = CommunityId.newId();
        CommunityId other = CommunityId.newId();
        projector.applyAll(List.of(envelope(waiting, 1, established(waiting))));

        List<Applied> results = projector.applyAll(List.of(
                envelope(waiting, 2, joined(waiting, "first-member", "第一个成员")),
                envelope(waiting, 4, joined(waiting, "too-early", "来得太早")),
                envelope(other, 1, established(other)),
                envelope(other, 2, joined(other, "southern-film-group", "南方影视集团"))));

        assertThat(results).containsExactly(Applied.CHANGED, Applied.HELD, Applied.CHANGED, Applied.CHANGED);
        assertThat(versionAndMembers(waiting)).isEqualTo("2/1");
        assertThat(versionAndMembers(other)).isEqualTo("2/1");
        assertThat(jdbc.sql("select missing_version from quarantine where community_id = :id")
                .param("id", waiting.value()).query(Long.class).single()).isEqualTo(3L);
        assertThat(heldVersions(waiting)).containsExactly(4L);

        // Healed, so that the shared test context has no community left in quarantine.
        projector.applyAll(List.of(envelope(waiting, 3, joined(waiting, "second-member", "第二个成员"))));
        assertThat(heldEvents.release(waiting)).isEqualTo(1);
        assertThat(versionAndMembers(waiting)).isEqualTo("4/3");
    }

    @Test
    void the_missing_event_heals_its_community_and_releases_what_was_held_in_order() {
        CommunityId community = CommunityId.newId();
        projector.applyAll(List.of(envelope(community, 1, established(community))));
        projector.applyAll(List.of(
                envelope(community, 3, joined(community, "second-member", "第二个成员")),
                envelope(community, 4, joined(community, "third-member", "第三个成员"))));
        assertThat(heldVersions(community)).containsExactly(3L, 4L);

        assertThat(projector.applyAll(List.of(envelope(community, 2, joined(community, "first-member", "第一个成员")))))
                .containsExactly(Applied.HEALED);
        assertThat(heldEvents.release(community)).isEqualTo(2);

        assertThat(versionAndMembers(community)).isEqualTo("4/3");
        assertThat(heldVersions(community)).isEmpty();
        assertThat(jdbc.sql("select count(*) from quarantine where community_id = :id")
                .param("id", community.value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select version from projection_change where community_id = :id order by change_id")
                .param("id", community.value()).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void a_rebuild_leaves_changes_before_the_change_logs_window_out_of_the_log_and_applies_them_all() {
        CommunityId community = CommunityId.newId();
        List<EventEnvelope> batch = List.of(
                envelope(community, 1, established(community)),
                envelope(community, 2, joined(community, "first-member", "第一个成员")),
                envelope(community, 3, joined(community, "second-member", "第二个成员")),
                envelope(community, 4, joined(community, "third-member", "第三个成员")));

        projector.applyAll(batch, batch.get(2).position());

        assertThat(versionAndMembers(community)).isEqualTo("4/3");
        assertThat(jdbc.sql("select count(*) from member_movement where community_id = :id")
                .param("id", community.value()).query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("select version from projection_change where community_id = :id order by change_id")
                .param("id", community.value()).query(Long.class).list()).containsExactly(3L, 4L);
    }

    private String versionAndMembers(CommunityId community) {
        return jdbc.sql("select version || '/' || member_count from community where community_id = :id")
                .param("id", community.value()).query(String.class).single();
    }

    private List<Long> heldVersions(CommunityId community) {
        return jdbc.sql("select version from held_event where community_id = :id order by version")
                .param("id", community.value()).query(Long.class).list();
    }
}
