package org.communityledger.query.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communityledger.query.sql.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an organisation's view from the member, plaque and agreement tables. */
@Component
class OrganizationViews {

    private final JdbcClient jdbc;

    OrganizationViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganizationView> organization(String organizationId, long position) {
        List<OrganizationView.Membership> memberships = memberships(organizationId);
        if (memberships.isEmpty()) {
            return Optional.empty();
        }
        // Its details as recorded by its latest join.
        return jdbc.sql("""
                        select name, kind, province from member where organization_id = :id
                        order by joined_on desc, community_id limit 1""")
                .param("id", organizationId)
                .query((rs, row) -> new OrganizationView(organizationId, rs.getString("name"), rs.getString("kind"),
                        rs.getString("province"), memberships, plaques(organizationId), agreements(organizationId),
                        position))
                .optional();
    }

    private List<OrganizationView.Membership> memberships(String organizationId) {
        return jdbc.sql("""
                        select m.community_id, c.name as community_name, m.active, m.roles, p.position, m.joined_on,
                               m.left_on
                        from member m
                        join community c on c.community_id = m.community_id
                        left join governing_position p
                               on p.community_id = m.community_id and p.organization_id = m.organization_id
                        where m.organization_id = :id
                        order by m.joined_on, c.name""")
                .param("id", organizationId)
                .query((rs, row) -> new OrganizationView.Membership(
                        rs.getString("community_id"),
                        rs.getString("community_name"),
                        rs.getBoolean("active"),
                        SqlArrays.strings(rs.getArray("roles")),
                        rs.getString("position"),
                        rs.getObject("joined_on", LocalDate.class),
                        rs.getObject("left_on", LocalDate.class)))
                .list();
    }

    private List<OrganizationView.Plaque> plaques(String organizationId) {
        return jdbc.sql("""
                        select plaque_id, community_id, title, presented_by, awarded_on, revoked from plaque
                        where recipient_organization_id = :id order by awarded_on, title""")
                .param("id", organizationId)
                .query((rs, row) -> new OrganizationView.Plaque(
                        rs.getString("plaque_id"),
                        rs.getString("community_id"),
                        rs.getString("title"),
                        rs.getString("presented_by"),
                        rs.getObject("awarded_on", LocalDate.class),
                        rs.getBoolean("revoked")))
                .list();
    }

    private List<OrganizationView.Agreement> agreements(String organizationId) {
        return jdbc.sql("""
                        select agreement_id, community_id, title, party_organization_ids, scope, signed_on, terminated_on
                        from agreement where party_organization_ids @> array[cast(:id as text)]
                        order by signed_on, title""")
                .param("id", organizationId)
                .query((rs, row) -> new OrganizationView.Agreement(
                        rs.getString("agreement_id"),
                        rs.getString("community_id"),
                        rs.getString("title"),
                        SqlArrays.strings(rs.getArray("party_organization_ids")),
                        SqlArrays.strings(rs.getArray("scope")),
                        rs.getObject("signed_on", LocalDate.class),
                        rs.getObject("terminated_on") == null ? "ACTIVE" : "TERMINATED"))
                .list();
    }

}
