package org.communityledger.query.projection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.query.sql.OrderedStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the views exactly once in effect. The community's last applied version is stored in
 * the same transaction as the change: a redelivered event is skipped, and an event that arrives before its
 * predecessor is held while its community is quarantined, so that one community's missing event never
 * stops the others (see {@link HeldEvents}).
 *
 * <p>A batch of events costs a handful of round trips, not several per event: the communities' versions are
 * locked and read once, the view changes are collected in order and sent as JDBC batches, and the member
 * counts, versions and change-log entries are written once per batch.
 */
@Component
public class CommunityProjector {

    /** The previous hash of a community's first event. */
    private static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final WireFormat wireFormat;

    CommunityProjector(JdbcTemplate jdbc, EventCodec codec, WireFormat wireFormat) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.wireFormat = wireFormat;
    }

    @Transactional
    public Applied apply(EventEnvelope envelope) {
        return applyAll(List.of(envelope)).get(0);
    }

    /**
     * Applies events in their order, in the caller's transaction (or one of its own). An event that comes
     * before one it must follow is held and its community quarantined, instead of stopping the others; the
     * event a quarantined community waits for is applied like any other and answered {@link Applied#HEALED},
     * after which the caller releases the community's held events.
     */
    @Transactional
    public List<Applied> applyAll(List<EventEnvelope> envelopes) {
        return applyAll(envelopes, 0);
    }

    /**
     * The same, with the changes of events before {@code changeLogFrom} left out of the change log: a rebuild's, which
     * the log's window would trim at once (see {@link org.communityledger.query.live.ChangeLogWindow}).
     */
    @Transactional
    public List<Applied> applyAll(List<EventEnvelope> envelopes, long changeLogFrom) {
        Map<String, CommunityState> states = lockAndRead(envelopes);
        OrderedStatements statements = new OrderedStatements(jdbc);
        ViewChanges views = new ViewChanges(statements);
        Map<String, long[]> reached = new LinkedHashMap<>();
        List<EventEnvelope> changes = new ArrayList<>();
        List<EventEnvelope> held = new ArrayList<>();
        List<Object[]> quarantined = new ArrayList<>();
        List<Applied> results = new ArrayList<>(envelopes.size());
        for (EventEnvelope envelope : envelopes) {
            CommunityState state = states.get(envelope.communityId().value());
            if (envelope.sequence() <= state.applied) {
                checkSameAsApplied(envelope, state);
                results.add(Applied.DUPLICATE_SKIPPED);
            } else if (envelope.sequence() == state.applied + 1) {
                checkLink(envelope, state);
                envelope.event().accept(views);
                state.applied = envelope.sequence();
                if (envelope.hash() != null) {
                    state.lastHash = envelope.hash();
                }
                reached.put(state.communityId, new long[] {envelope.sequence(), envelope.position()});
                changes.add(envelope);
                results.add(state.quarantined ? Applied.HEALED : Applied.CHANGED);
            } else {
                if (!state.quarantined) {
                    state.quarantined = true;
                    quarantined.add(new Object[] {state.communityId, state.applied + 1, "version "
                            + envelope.sequence() + " arrived before version " + (state.applied + 1)});
                }
                held.add(envelope);
                results.add(Applied.HELD);
            }
        }
        views.movements.forEach(movement -> statements.add("""
                insert into member_movement (community_id, organization_id, day, joined)
                values (?, ?, ?, ?)""", movement));
        views.memberCountChanges.forEach((communityId, change) -> statements.add(
                "update community set member_count = member_count + ? where community_id = ?", change, communityId));
        reached.forEach((communityId, versionAndPosition) -> statements.add(
                "update community set version = ?, last_position = ?, last_hash = ? where community_id = ?",
                versionAndPosition[0], versionAndPosition[1], states.get(communityId).lastHash, communityId));
        changes.stream().filter(envelope -> envelope.position() >= changeLogFrom)
                .forEach(envelope -> recordChange(statements, envelope));
        held.forEach(envelope -> hold(statements, envelope));
        quarantined.forEach(row -> statements.add("""
                insert into quarantine (community_id, missing_version, reason)
                values (?, ?, ?) on conflict (community_id) do nothing""", row));
        moveQuarantinesOn(statements, states.values().stream()
                .filter(state -> state.quarantined && reached.containsKey(state.communityId)).toList());
        statements.flush();
        return results;
    }

    /** The next event must link to the last applied one (the first to the chain's start). */
    private static void checkLink(EventEnvelope envelope, CommunityState state) {
        String expected = state.applied == 0 ? GENESIS : state.lastHash;
        if (envelope.prevHash() != null && expected != null && !envelope.prevHash().equals(expected)) {
            throw new ForkedHistoryException("fork: version " + envelope.sequence() + " of community "
                    + state.communityId + " links to " + envelope.prevHash() + ", but version " + state.applied
                    + " was applied with hash " + expected);
        }
    }

    /**
     * A record of the version applied last must be that event again (a redelivery). Older versions are not
     * compared: their hashes are not kept here, so a redelivery of one is skipped as it always was.
     */
    private static void checkSameAsApplied(EventEnvelope envelope, CommunityState state) {
        if (envelope.sequence() == state.applied && envelope.hash() != null && state.lastHash != null
                && !envelope.hash().equals(state.lastHash)) {
            throw new ForkedHistoryException("fork: version " + envelope.sequence() + " of community "
                    + state.communityId + " was applied with hash " + state.lastHash + ", and this record says "
                    + envelope.hash());
        }
    }

    /** The change log feeds the live stream and read-your-writes; same transaction as the views. */
    private void recordChange(OrderedStatements statements, EventEnvelope envelope) {
        statements.add("""
                        insert into projection_change (position, community_id, version, event_name, payload)
                        values (?, ?, ?, ?, cast(? as jsonb))""",
                envelope.position(), envelope.communityId().value(), envelope.sequence(), envelope.type().name(),
                new String(codec.encode(envelope.event()), StandardCharsets.UTF_8));
    }

    /** Kept as it travels on the topic, to be read again with the wire format when its turn comes. */
    private void hold(OrderedStatements statements, EventEnvelope envelope) {
        WireFormat.WireRecord record = wireFormat.write(envelope);
        statements.add("""
                        insert into held_event (community_id, version, position, record_key, record_value, headers)
                        values (?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (community_id, version) do nothing""",
                envelope.communityId().value(), envelope.sequence(), envelope.position(), record.key(), record.value(),
                HeldEvents.headersAsJson(record.headers()));
    }

    /**
     * Quarantined communities went forward: what they held up to there is done, each now waits for its next
     * version, and leaves quarantine once nothing is held any more. Statement by statement for all of them, so
     * that each is one JDBC batch.
     */
    private static void moveQuarantinesOn(OrderedStatements statements, List<CommunityState> movedOn) {
        movedOn.forEach(state -> statements.add("delete from held_event where community_id = ? and version <= ?",
                state.communityId, state.applied));
        movedOn.forEach(state -> statements.add(
                "update quarantine set missing_version = ?, reason = ? where community_id = ?", state.applied + 1,
                "waiting for version " + (state.applied + 1), state.communityId));
        movedOn.forEach(state -> statements.add("""
                        delete from quarantine q where community_id = ?
                        and not exists (select 1 from held_event h where h.community_id = q.community_id)""",
                state.communityId));
    }

    /**
     * The last applied version of every community in the batch, and whether it is quarantined, read after
     * locking them all so that two consumers during a rebalance cannot both apply an event. The locks are
     * advisory, taken in a fixed order (no deadlock) and before the transaction's first write: a transaction
     * gets its id at its first write, so the one that applies a community's next version gets a higher id than
     * the one that applied the version before it, and the change log's commit order keeps each community's
     * order. The rebuild's fence is taken first, shared: while a rebuild swaps the views, writers wait (see
     * {@link ViewsFence}).
     */
    private Map<String, CommunityState> lockAndRead(List<EventEnvelope> envelopes) {
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
        Map<String, CommunityState> states = new HashMap<>();
        jdbc.query("""
                        select id, coalesce(c.version, 0), q.community_id is not null, c.last_hash
                        from unnest(?::text[]) as id
                        left join community c on c.community_id = id
                        left join quarantine q on q.community_id = id""",
                row -> {
                    states.put(row.getString(1), new CommunityState(row.getString(1), row.getLong(2),
                            row.getBoolean(3), row.getString(4)));
                }, (Object) ids);
        return states;
    }

    /** Where one community of the batch stands while the batch is applied. */
    private static final class CommunityState {
        private final String communityId;
        private long applied;
        private boolean quarantined;
        private String lastHash;

        CommunityState(String communityId, long applied, boolean quarantined, String lastHash) {
            this.communityId = communityId;
            this.applied = applied;
            this.quarantined = quarantined;
            this.lastHash = lastHash;
        }
    }

    /**
     * One change of the views per event, collected in order; member counts add up and are written once, and the
     * movements, which nothing in the batch reads, after the rest. Were each join's movement added beside its member
     * row, the two statements would alternate and every one would go to the database on its own: the rebuild of a
     * topic of joins ran at a third of its rate that way.
     */
    private static final class ViewChanges implements CommunityEventVisitor<Void> {

        private final OrderedStatements statements;
        private final Map<String, Integer> memberCountChanges = new LinkedHashMap<>();
        private final List<Object[]> movements = new ArrayList<>();

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
            moved(event.communityId(), event.organization().organizationId(), event.joinedOn(), true);
            countMembers(event.communityId(), +1);
            return null;
        }

        @Override
        public Void memberLeft(MemberLeft event) {
            statements.add("""
                            update member set active = false, left_on = ?, left_reason = ?, roles = '{}'
                            where community_id = ? and organization_id = ?""",
                    event.leftOn(), event.reason(), event.communityId().value(), event.organizationId().value());
            moved(event.communityId(), event.organizationId(), event.leftOn(), false);
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

        /** Members over time: a join or a departure on its day, in the order of the events. */
        private void moved(CommunityId communityId, OrganizationId organizationId, LocalDate day, boolean joined) {
            movements.add(new Object[] {communityId.value(), organizationId.value(), day, joined});
        }

        /** Events are applied exactly once, so the count moves with them instead of being recounted. */
        private void countMembers(CommunityId communityId, int change) {
            memberCountChanges.merge(communityId.value(), change, Integer::sum);
        }
    }
}
