package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.communityledger.query.projection.Applied;
import org.communityledger.query.projection.CommunityProjector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projector handed a whole batch, as live consumption and rebuilds do: the events take effect in their
 * order within one transaction, what was seen is skipped, and a gap undoes the whole batch.
 */
@QueryServiceTest
class ProjectorBatchIT {

    @Autowired
    CommunityProjector projector;

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
    void a_gap_anywhere_in_a_batch_undoes_the_whole_batch() {
        CommunityId community = CommunityId.newId();
        projector.applyAll(List.of(envelope(community, 1, established(community))));

        assertThatThrownBy(() -> projector.applyAll(List.of(
                envelope(community, 2, joined(community, "first-member", "第一个成员")),
                envelope(community, 4, joined(community, "too-early", "来得太早")))))
                .hasMessageContaining("community " + community.value());

        assertThat(jdbc.sql("select version || '/' || member_count from community where community_id = :id")
                .param("id", community.value()).query(String.class).single()).isEqualTo("1/0");
        assertThat(jdbc.sql("select count(*) from member where community_id = :id")
                .param("id", community.value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from projection_change where community_id = :id")
                .param("id", community.value()).query(Long.class).single()).isEqualTo(1L);
    }
}
