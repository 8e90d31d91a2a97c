package org.communityledger.query.projection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityledger.events.CommunityDissolved;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEventVisitor;
import org.communityledger.events.ConstitutionApproved;
import org.communityledger.events.CooperationAgreementSigned;
import org.communityledger.events.CooperationAgreementTerminated;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.MemberLeft;
import org.communityledger.events.MemberRoleAssigned;
import org.communityledger.events.MemberRoleRevoked;
import org.communityledger.events.OrganizationalListApproved;
import org.communityledger.events.PlaqueAwarded;
import org.communityledger.events.PlaqueRevoked;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.GoverningPosition;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.query.sql.OrderedStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the views exactly once in effect. The community's last applied version is stored in
 * the same transaction as the change: a redelivered event is skipped, an event that arrives before its
 * predecessor is refused as a gap, to be retried.
 *
 * <p>A batch of events costs a handful of round trips, not several per event: the communities' versions are
 * locked and read once, the view changes are collected in order and sent as JDBC batches, and the member
 * counts, versions and change-log entries are written once per batch.
 */
@Component
public class CommunityProjector {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;

    CommunityProjector(JdbcTemplate jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Transactional
    public Applied apply(EventEnvelope envelope) {
        return applyAll(List.of(envelope)).get(0);
    }

    /**
     * Applies events in their order, in the caller's transaction (or one of its own). A gap anywhere fails the
     * whole call, which rolls back with its transaction.
     */
    @Transactional
    public List<Applied> applyAll(List<EventEnvelope> envelopes) {
        Map<String, Long> versions = appliedVersions(envelopes);
        OrderedStatements statements = new OrderedStatements(jdbc);
        ViewChanges views = new ViewChanges(statements);
        Map<String, long[]> reached = new LinkedHashMap<>();
        List<EventEnvelope> changes = new ArrayList<>();
        List<Applied> results = new ArrayList<>(envelopes.size());
        for (EventEnvelope envelope : envelopes) {
            String communityId = envelope.communityId().value();
            long applied = versions.getOrDefault(communityId, 0L);
            if (envelope.sequence() <= applied) {
                results.add(Applied.DUPLICATE_SKIPPED);
                continue;
            }
            if (envelope.sequence() != applied + 1) {
                throw new SequenceGapException(envelope.communityId(), applied, envelope.sequence());
            }
            envelope.event().accept(views);
            versions.put(communityId, envelope.sequence());
            reached.put(communityId, new long[] {envelope.sequence(), envelope.position()});
            changes.add(envelope);
            results.add(Applied.CHANGED);
        }
        views.memberCountChanges.forEach((communityId, change) -> statements.add(
                "update community set member_count = member_count + ? where community_id = ?", change, communityId));
        reached.forEach((communityId, versionAndPosition) -> statements.add(
                "update community set version = ?, last_position = ? where community_id = ?",
                versionAndPosition[0], versionAndPosition[1], communityId));
        changes.forEach(envelope -> recordChange(statements, envelope));
        statements.flush();
        return results;
    }

    /** The change log feeds the live stream and read-your-writes; same transaction as the views. */
    private void recordChange(OrderedStatements statements, EventEnvelope envelope) {
        statements.add("""
                        insert into projection_change (position, community_id, version, event_name, payload)
                        values (?, ?, ?, ?, cast(? as jsonb))""",
                envelope.position(), envelope.communityId().value(), envelope.sequence(), envelope.type().name(),
                new String(codec.encode(envelope.event()), StandardCharsets.UTF_8));
    }

    /**
     * The last applied version of every community in the batch, read after locking them all so that two
     * consumers during a rebalance cannot both apply an event. The locks are advisory, taken in a fixed order
     * (no deadlock) and before the transaction's first write: a transaction gets its id at its first write, so
     * the one that applies a community's next version gets a higher id than the one that applied the version
     * before it, and the change log's commit order keeps each community's order. The rebuild's fence is
     * taken first, shared: while a rebuild swaps the views, writers wait (see {@link ViewsFence}).
     */
    private Map<String, Long> appliedVersions(List<EventEnvelope> envelopes) {
        String[] ids = envelopes.stream().map(envelope -> envelope.communityId().value()).distinct().sorted()
                .toArray(String[]::new);
        jdbc.query("""
                        select count(*) from (
                            select pg_advisory_xact_lock_shared(?)
                            union all
                            select pg_advisory_xact_lock(hashtextextended(id, 0)) from unnest(?::text[]) as id
                        ) as locks""",
                row -> {
                }, ViewsFence.KEY, ids);
        // A statement of its own: it reads what was committed while it waited for the locks.
        Map<String, Long> versions = new HashMap<>();
        jdbc.query("select community_id, version from community where community_id = any(?)",
                row -> {
                    versions.put(row.getString(1), row.getLong(2));
                }, (Object) ids);
        return versions;
    }

    /** One change of the views per event, collected in order; member counts add up and are written once. */
    private static final class ViewChanges implements CommunityEventVisitor<Void> {

        private final OrderedStatements statements;
        private final Map<String, Integer> memberCountChanges = new LinkedHashMap<>();

        ViewChanges(OrderedStatements statements) {
            this.statements = statements;
        }

        @Override
        public Void communityEstablished(CommunityEstablished event) {
            statements.add("""
                            insert into community (community_id, name, sector, region, host_organization_id, venue,
                                                   established_on, status, member_count, version, last_position)
                            values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, 0, 0)""",
                    event.communityId().value(), event.name(), event.sector(), event.region(),
                    event.hostOrganizationId().value(), event.venue(), event.establishedOn());
            return null;
        }

        @Override
        public Void constitutionApproved(ConstitutionApproved event) {
            statements.add("update community set constitution_version = ? where community_id = ?",
                    event.version(), event.communityId().value());
            return null;
        }

        @Override
        public Void organizationalListApproved(OrganizationalListApproved event) {
            // A newly approved list replaces the previous one.
            statements.add("delete from governing_position where community_id = ?", event.communityId().value());
            for (GoverningPosition position : event.positions()) {
                statements.add("""
                                insert into governing_position (community_id, organization_id, position, approved_on)
                                values (?, ?, ?, ?)""",
                        event.communityId().value(), position.organizationId().value(), position.position(),
                        event.approvedOn());
            }
            return null;
        }

        @Override
        public Void memberJoined(MemberJoined event) {
            statements.add("""
                            insert into member (community_id, organization_id, name, kind, province, joined_on, active,
                                                left_on, left_reason, roles)
                            values (?, ?, ?, ?, ?, ?, true, null, null, '{}')
                            on conflict (community_id, organization_id) do update
                            set name = excluded.name, kind = excluded.kind, province = excluded.province,
                                joined_on = excluded.joined_on, active = true, left_on = null, left_reason = null,
                                roles = '{}'""",
                    event.communityId().value(), event.organization().organizationId().value(),
                    event.organization().name(), event.organization().kind().name(),
                    event.organization().province().code(), event.joinedOn());
            countMembers(event.communityId(), +1);
            return null;
        }

        @Override
        public Void memberLeft(MemberLeft event) {
            statements.add("""
                            update member set active = false, left_on = ?, left_reason = ?, roles = '{}'
                            where community_id = ? and organization_id = ?""",
                    event.leftOn(), event.reason(), event.communityId().value(), event.organizationId().value());
            countMembers(event.communityId(), -1);
            return null;
        }

        @Override
        public Void memberRoleAssigned(MemberRoleAssigned event) {
            statements.add("""
                            update member set roles = array_append(array_remove(roles, ?), ?)
                            where community_id = ? and organization_id = ?""",
                    event.role().name(), event.role().name(), event.communityId().value(),
                    event.organizationId().value());
            if (event.role() == MemberRole.CHAIR_UNIT) {
                statements.add("update community set chair_unit = ? where community_id = ?",
                        event.organizationId().value(), event.communityId().value());
            }
            return null;
        }

        @Override
        public Void memberRoleRevoked(MemberRoleRevoked event) {
            statements.add("""
                            update member set roles = array_remove(roles, ?)
                            where community_id = ? and organization_id = ?""",
                    event.role().name(), event.communityId().value(), event.organizationId().value());
            if (event.role() == MemberRole.CHAIR_UNIT) {
                statements.add("update community set chair_unit = null where community_id = ? and chair_unit = ?",
                        event.communityId().value(), event.organizationId().value());
            }
            return null;
        }

        @Override
        public Void plaqueAwarded(PlaqueAwarded event) {
            statements.add("""
                            insert into plaque (plaque_id, community_id, title, recipient_organization_id, presented_by,
                                                awarded_on)
                            values (?, ?, ?, ?, ?, ?)""",
                    event.plaqueId().value(), event.communityId().value(), event.title(),
                    event.recipientOrganizationId().value(), event.presentedBy(), event.awardedOn());
            return null;
        }

        @Override
        public Void plaqueRevoked(PlaqueRevoked event) {
            statements.add("update plaque set revoked = true, revocation_reason = ? where plaque_id = ?",
                    event.reason(), event.plaqueId().value());
            return null;
        }

        @Override
        public Void cooperationAgreementSigned(CooperationAgreementSigned event) {
            statements.add("""
                            insert into agreement (agreement_id, community_id, title, party_organization_ids, scope,
                                                   signed_on)
                            values (?, ?, ?, ?, ?, ?)""",
                    event.agreementId().value(), event.communityId().value(), event.title(),
                    event.partyOrganizationIds().stream().map(OrganizationId::value).toArray(String[]::new),
                    event.scope().toArray(String[]::new), event.signedOn());
            return null;
        }

        @Override
        public Void cooperationAgreementTerminated(CooperationAgreementTerminated event) {
            statements.add("""
                            update agreement set terminated_on = ?, termination_reason = ?
                            where agreement_id = ?""",
                    event.terminatedOn(), event.reason(), event.agreementId().value());
            return null;
        }

        @Override
        public Void communityDissolved(CommunityDissolved event) {
            statements.add("""
                            update community set status = 'DISSOLVED', dissolved_on = ?, dissolution_reason = ?
                            where community_id = ?""",
                    event.dissolvedOn(), event.reason(), event.communityId().value());
            return null;
        }

        /** Events are applied exactly once, so the count moves with them instead of being recounted. */
        private void countMembers(CommunityId communityId, int change) {
            memberCountChanges.merge(communityId.value(), change, Integer::sum);
        }
    }
}
