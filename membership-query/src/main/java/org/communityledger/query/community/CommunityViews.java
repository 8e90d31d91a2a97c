package org.communityledger.query.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.communityledger.query.sql.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the community views. */
@Component
class CommunityViews {

    private static final String COMMUNITY_COLUMNS = """
            c.community_id, c.name, c.sector, c.region, c.host_organization_id, c.venue, c.established_on, c.status,
            c.member_count, c.chair_unit, chair.name as chair_name, c.constitution_version, c.dissolved_on,
            c.version, c.last_position, q.missing_version, q.since as stale_since, q.reason as stale_reason
            from community c
            left join member chair on chair.community_id = c.community_id and chair.organization_id = c.chair_unit
            left join quarantine q on q.community_id = c.community_id""";

    private static final String NAME_OR_ID_CONTAINS = """
            (cast(:q as text) is null or c.name ilike '%' || :q || '%' or c.community_id ilike '%' || :q || '%')""";

    private final JdbcClient jdbc;

    CommunityViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CommunityView> community(String communityId) {
        return jdbc.sql("select " + COMMUNITY_COLUMNS + " where c.community_id = :id")
                .param("id", communityId)
                .query((rs, row) -> community(rs))
                .optional();
    }

    boolean exists(String communityId) {
        return jdbc.sql("select count(*) from community where community_id = :id")
                .param("id", communityId).query(Long.class).single() > 0;
    }

    /** A page of the communities whose name or id contains {@code q} (all when null), oldest first. */
    List<CommunityView> communities(String q, int page, int size) {
        return jdbc.sql("select " + COMMUNITY_COLUMNS + " where " + NAME_OR_ID_CONTAINS
                        + " order by c.established_on, c.name, c.community_id limit :limit offset :offset")
                .param("q", q == null ? null : escapeLike(q))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> community(rs))
                .list();
    }

    long communityCount(String q) {
        return jdbc.sql("select count(*) from community c where " + NAME_OR_ID_CONTAINS)
                .param("q", q == null ? null : escapeLike(q))
                .query(Long.class).single();
    }

    List<MemberView> members(String communityId, MemberFilter filter, int page, int size) {
        return jdbc.sql("""
                        select m.organization_id, m.name, m.kind, m.province, m.roles, m.joined_on, p.position
                        from member m
                        left join governing_position p
                               on p.community_id = m.community_id and p.organization_id = m.organization_id
                        """ + memberConditions() + """
                        order by m.name, m.organization_id
                        limit :limit offset :offset""")
                .params(memberParameters(communityId, filter))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new MemberView(
                        rs.getString("organization_id"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("province"),
                        SqlArrays.strings(rs.getArray("roles")),
                        rs.getString("position"),
                        rs.getObject("joined_on", LocalDate.class)))
                .list();
    }

    long memberCount(String communityId, MemberFilter filter) {
        return jdbc.sql("select count(*) from member m " + memberConditions())
                .params(memberParameters(communityId, filter))
                .query(Long.class)
                .single();
    }

    private static String memberConditions() {
        return """
                where m.community_id = :id and m.active
                  and (cast(:province as text) is null or m.province = :province)
                  and (cast(:kind as text) is null or m.kind = :kind)
                  and (cast(:role as text) is null or :role = any(m.roles))
                  and (cast(:q as text) is null or m.name ilike '%' || :q || '%' or m.organization_id ilike '%' || :q || '%')
                """;
    }

    private static Map<String, Object> memberParameters(String communityId, MemberFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", communityId);
        parameters.put("province", filter.province());
        parameters.put("kind", filter.kind());
        parameters.put("role", filter.role());
        parameters.put("q", filter.q() == null ? null : escapeLike(filter.q()));
        return parameters;
    }

    /** The search text is matched literally: % and _ typed by a user are not wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private CommunityView community(ResultSet rs) throws SQLException {
        String communityId = rs.getString("community_id");
        String chairUnit = rs.getString("chair_unit");
        return new CommunityView(
                communityId,
                rs.getString("name"),
                rs.getString("sector"),
                rs.getString("region"),
                rs.getString("host_organization_id"),
                rs.getString("venue"),
                rs.getObject("established_on", LocalDate.class),
                rs.getString("status"),
                rs.getInt("member_count"),
                chairUnit == null ? null : new CommunityView.MemberRef(chairUnit, rs.getString("chair_name")),
                rs.getString("constitution_version"),
                plaques(communityId),
                agreements(communityId),
                rs.getObject("dissolved_on", LocalDate.class),
                rs.getLong("version"),
                rs.getLong("last_position"),
                rs.getTimestamp("stale_since") == null ? null : new CommunityView.Stale(rs.getLong("missing_version"),
                        rs.getTimestamp("stale_since").toInstant(), rs.getString("stale_reason")));
    }

    private List<CommunityView.PlaqueView> plaques(String communityId) {
        return jdbc.sql("""
                        select p.plaque_id, p.title, p.recipient_organization_id, m.name as recipient_name,
                               p.presented_by, p.awarded_on, p.revoked
                        from plaque p
                        left join member m on m.community_id = p.community_id
                                          and m.organization_id = p.recipient_organization_id
                        where p.community_id = :id order by p.awarded_on, p.title""")
                .param("id", communityId)
                .query((rs, row) -> new CommunityView.PlaqueView(
                        rs.getString("plaque_id"),
                        rs.getString("title"),
                        rs.getString("recipient_organization_id"),
                        rs.getString("recipient_name"),
                        rs.getString("presented_by"),
                        rs.getObject("awarded_on", LocalDate.class),
                        rs.getBoolean("revoked")))
                .list();
    }

    private List<CommunityView.AgreementView> agreements(String communityId) {
        return jdbc.sql("""
                        select a.agreement_id, a.title, a.party_organization_ids, a.scope, a.signed_on,
                               a.terminated_on,
                               array(select m.name
                                     from unnest(a.party_organization_ids) with ordinality as party(id, n)
                                     left join member m on m.community_id = a.community_id
                                                       and m.organization_id = party.id
                                     order by party.n) as party_names
                        from agreement a where a.community_id = :id order by a.signed_on, a.title""")
                .param("id", communityId)
                .query((rs, row) -> {
                    List<String> partyIds = SqlArrays.strings(rs.getArray("party_organization_ids"));
                    List<String> partyNames = SqlArrays.strings(rs.getArray("party_names"));
                    return new CommunityView.AgreementView(
                            rs.getString("agreement_id"),
                            rs.getString("title"),
                            partyIds,
                            SqlArrays.strings(rs.getArray("scope")),
                            rs.getObject("signed_on", LocalDate.class),
                            rs.getObject("terminated_on") == null ? "ACTIVE" : "TERMINATED",
                            rs.getObject("terminated_on", LocalDate.class),
                            IntStream.range(0, partyIds.size()).mapToObj(i -> new CommunityView.MemberRef(
                                    partyIds.get(i), i < partyNames.size() ? partyNames.get(i) : null)).toList());
                })
                .list();
    }

}
