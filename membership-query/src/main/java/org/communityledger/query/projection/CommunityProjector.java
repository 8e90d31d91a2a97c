package org.communityledger.query.projection;

import java.nio.charset.StandardCharsets;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the views exactly once in effect. The community's last applied version is stored in
 * the same transaction as the change: a redelivered event is skipped, an event that arrives before its
 * predecessor is refused as a gap, to be retried.
 */
@Component
public class CommunityProjector {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final ApplicationEventPublisher publisher;

    CommunityProjector(JdbcClient jdbc, EventCodec codec, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.publisher = publisher;
    }

    @Transactional
    public Applied apply(EventEnvelope envelope) {
        long applied = appliedVersion(envelope.communityId());
        if (envelope.sequence() <= applied) {
            return Applied.DUPLICATE_SKIPPED;
        }
        if (envelope.sequence() != applied + 1) {
            throw new SequenceGapException(envelope.communityId(), applied, envelope.sequence());
        }
        envelope.event().accept(new ViewChanges());
        jdbc.sql("update community set version = :version, last_position = :position where community_id = :id")
                .param("id", envelope.communityId().value())
                .param("version", envelope.sequence())
                .param("position", envelope.position())
                .update();
        recordChange(envelope);
        return Applied.CHANGED;
    }

    /** The change log feeds the live stream and read-your-writes; same transaction as the views. */
    private void recordChange(EventEnvelope envelope) {
        jdbc.sql("""
                        insert into projection_change (position, community_id, version, event_name, payload)
                        values (:position, :id, :version, :eventName, cast(:payload as jsonb))""")
                .param("position", envelope.position())
                .param("id", envelope.communityId().value())
                .param("version", envelope.sequence())
                .param("eventName", envelope.type().name())
                .param("payload", new String(codec.encode(envelope.event()), StandardCharsets.UTF_8))
                .update();
        publisher.publishEvent(new ViewsChanged(envelope.position()));
    }

    /** Locks the community's row, so that two consumers (during a rebalance) cannot both apply an event. */
    private long appliedVersion(CommunityId communityId) {
        return jdbc.sql("select version from community where community_id = :id for update")
                .param("id", communityId.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** One change of the views per event; the community's version is moved by {@link #apply} afterwards. */
    private final class ViewChanges implements CommunityEventVisitor<Void> {

        @Override
        public Void communityEstablished(CommunityEstablished event) {
            jdbc.sql("""
                            insert into community (community_id, name, sector, region, host_organization_id, venue,
                                                   established_on, status, member_count, version, last_position)
                            values (:id, :name, :sector, :region, :host, :venue, :establishedOn, 'ACTIVE', 0, 0, 0)""")
                    .param("id", event.communityId().value())
                    .param("name", event.name())
                    .param("sector", event.sector())
                    .param("region", event.region())
                    .param("host", event.hostOrganizationId().value())
                    .param("venue", event.venue())
                    .param("establishedOn", event.establishedOn())
                    .update();
            return null;
        }

        @Override
        public Void constitutionApproved(ConstitutionApproved event) {
            jdbc.sql("update community set constitution_version = :version where community_id = :id")
                    .param("id", event.communityId().value())
                    .param("version", event.version())
                    .update();
            return null;
        }

        @Override
        public Void organizationalListApproved(OrganizationalListApproved event) {
            // A newly approved list replaces the previous one.
            jdbc.sql("delete from governing_position where community_id = :id")
                    .param("id", event.communityId().value())
                    .update();
            for (GoverningPosition position : event.positions()) {
                jdbc.sql("""
                                insert into governing_position (community_id, organization_id, position, approved_on)
                                values (:id, :organizationId, :position, :approvedOn)""")
                        .param("id", event.communityId().value())
                        .param("organizationId", position.organizationId().value())
                        .param("position", position.position())
                        .param("approvedOn", event.approvedOn())
                        .update();
            }
            return null;
        }

        @Override
        public Void memberJoined(MemberJoined event) {
            jdbc.sql("""
                            insert into member (community_id, organization_id, name, kind, province, joined_on, active,
                                                left_on, left_reason, roles)
                            values (:id, :organizationId, :name, :kind, :province, :joinedOn, true, null, null, '{}')
                            on conflict (community_id, organization_id) do update
                            set name = excluded.name, kind = excluded.kind, province = excluded.province,
                                joined_on = excluded.joined_on, active = true, left_on = null, left_reason = null,
                                roles = '{}'""")
                    .param("id", event.communityId().value())
                    .param("organizationId", event.organization().organizationId().value())
                    .param("name", event.organization().name())
                    .param("kind", event.organization().kind().name())
                    .param("province", event.organization().province().code())
                    .param("joinedOn", event.joinedOn())
                    .update();
            countMembers(event.communityId(), +1);
            return null;
        }

        @Override
        public Void memberLeft(MemberLeft event) {
            jdbc.sql("""
                            update member set active = false, left_on = :leftOn, left_reason = :reason, roles = '{}'
                            where community_id = :id and organization_id = :organizationId""")
                    .param("id", event.communityId().value())
                    .param("organizationId", event.organizationId().value())
                    .param("leftOn", event.leftOn())
                    .param("reason", event.reason())
                    .update();
            countMembers(event.communityId(), -1);
            return null;
        }

        @Override
        public Void memberRoleAssigned(MemberRoleAssigned event) {
            jdbc.sql("""
                            update member set roles = array_append(array_remove(roles, :role), :role)
                            where community_id = :id and organization_id = :organizationId""")
                    .param("id", event.communityId().value())
                    .param("organizationId", event.organizationId().value())
                    .param("role", event.role().name())
                    .update();
            if (event.role() == MemberRole.CHAIR_UNIT) {
                setChairUnit(event.communityId(), event.organizationId());
            }
            return null;
        }

        @Override
        public Void memberRoleRevoked(MemberRoleRevoked event) {
            jdbc.sql("""
                            update member set roles = array_remove(roles, :role)
                            where community_id = :id and organization_id = :organizationId""")
                    .param("id", event.communityId().value())
                    .param("organizationId", event.organizationId().value())
                    .param("role", event.role().name())
                    .update();
            if (event.role() == MemberRole.CHAIR_UNIT) {
                jdbc.sql("""
                                update community set chair_unit = null
                                where community_id = :id and chair_unit = :organizationId""")
                        .param("id", event.communityId().value())
                        .param("organizationId", event.organizationId().value())
                        .update();
            }
            return null;
        }

        @Override
        public Void plaqueAwarded(PlaqueAwarded event) {
            jdbc.sql("""
                            insert into plaque (plaque_id, community_id, title, recipient_organization_id, presented_by,
                                                awarded_on)
                            values (:plaqueId, :id, :title, :recipient, :presentedBy, :awardedOn)""")
                    .param("plaqueId", event.plaqueId().value())
                    .param("id", event.communityId().value())
                    .param("title", event.title())
                    .param("recipient", event.recipientOrganizationId().value())
                    .param("presentedBy", event.presentedBy())
                    .param("awardedOn", event.awardedOn())
                    .update();
            return null;
        }

        @Override
        public Void plaqueRevoked(PlaqueRevoked event) {
            jdbc.sql("update plaque set revoked = true, revocation_reason = :reason where plaque_id = :plaqueId")
                    .param("plaqueId", event.plaqueId().value())
                    .param("reason", event.reason())
                    .update();
            return null;
        }

        @Override
        public Void cooperationAgreementSigned(CooperationAgreementSigned event) {
            jdbc.sql("""
                            insert into agreement (agreement_id, community_id, title, party_organization_ids, scope,
                                                   signed_on)
                            values (:agreementId, :id, :title, :parties, :scope, :signedOn)""")
                    .param("agreementId", event.agreementId().value())
                    .param("id", event.communityId().value())
                    .param("title", event.title())
                    .param("parties", event.partyOrganizationIds().stream().map(OrganizationId::value)
                            .toArray(String[]::new))
                    .param("scope", event.scope().toArray(String[]::new))
                    .param("signedOn", event.signedOn())
                    .update();
            return null;
        }

        @Override
        public Void cooperationAgreementTerminated(CooperationAgreementTerminated event) {
            jdbc.sql("""
                            update agreement set terminated_on = :terminatedOn, termination_reason = :reason
                            where agreement_id = :agreementId""")
                    .param("agreementId", event.agreementId().value())
                    .param("terminatedOn", event.terminatedOn())
                    .param("reason", event.reason())
                    .update();
            return null;
        }

        @Override
        public Void communityDissolved(CommunityDissolved event) {
            jdbc.sql("""
                            update community set status = 'DISSOLVED', dissolved_on = :dissolvedOn,
                                                 dissolution_reason = :reason
                            where community_id = :id""")
                    .param("id", event.communityId().value())
                    .param("dissolvedOn", event.dissolvedOn())
                    .param("reason", event.reason())
                    .update();
            return null;
        }

        private void setChairUnit(CommunityId communityId, OrganizationId organizationId) {
            jdbc.sql("update community set chair_unit = :organizationId where community_id = :id")
                    .param("id", communityId.value())
                    .param("organizationId", organizationId.value())
                    .update();
        }

        /** Events are applied exactly once, so the count moves with them instead of being recounted. */
        private void countMembers(CommunityId communityId, int change) {
            jdbc.sql("update community set member_count = member_count + :change where community_id = :id")
                    .param("id", communityId.value())
                    .param("change", change)
                    .update();
        }
    }
}
