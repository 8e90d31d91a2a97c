package org.communityledger.query.community;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the community views. */
@Component
class CommunityViews {

    private final JdbcClient jdbc;

    CommunityViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CommunityView> community(String communityId) {
        return jdbc.sql("""
                        select community_id, name, sector, region, host_organization_id, venue, established_on,
                               status, member_count, version, last_position
                        from community where community_id = :id""")
                .param("id", communityId)
                .query((rs, row) -> new CommunityView(
                        rs.getString("community_id"),
                        rs.getString("name"),
                        rs.getString("sector"),
                        rs.getString("region"),
                        rs.getString("host_organization_id"),
                        rs.getString("venue"),
                        rs.getObject("established_on", java.time.LocalDate.class),
                        rs.getString("status"),
                        rs.getInt("member_count"),
                        rs.getLong("version"),
                        rs.getLong("last_position")))
                .optional();
    }

    List<MemberView> members(String communityId, int page, int size) {
        return jdbc.sql("""
                        select organization_id, name, kind, province, joined_on from member
                        where community_id = :id
                        order by name, organization_id
                        limit :limit offset :offset""")
                .param("id", communityId)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new MemberView(
                        rs.getString("organization_id"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("province"),
                        List.of(),
                        rs.getObject("joined_on", java.time.LocalDate.class)))
                .list();
    }

    long memberCount(String communityId) {
        return jdbc.sql("select count(*) from member where community_id = :id")
                .param("id", communityId)
                .query(Long.class)
                .single();
    }
}
