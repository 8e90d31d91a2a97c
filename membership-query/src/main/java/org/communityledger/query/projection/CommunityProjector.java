package org.communityledger.query.projection;

import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEventVisitor;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the community views exactly once in effect. The community's last applied version is
 * stored in the same transaction as the change: a redelivered event is skipped, an event that arrives
 * before its predecessor is refused as a gap, to be retried.
 */
@Component
class CommunityProjector {

    private final JdbcClient jdbc;

    CommunityProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        envelope.event().accept(new ViewChanges(envelope));
        return Applied.CHANGED;
    }

    /** Locks the community's row, so that two consumers (during a rebalance) cannot both apply an event. */
    private long appliedVersion(CommunityId communityId) {
        return jdbc.sql("select version from community where community_id = :id for update")
                .param("id", communityId.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private final class ViewChanges implements CommunityEventVisitor<Void> {

        private final EventEnvelope envelope;

        private ViewChanges(EventEnvelope envelope) {
            this.envelope = envelope;
        }

        @Override
        public Void communityEstablished(CommunityEstablished event) {
            jdbc.sql("""
                            insert into community (community_id, name, sector, region, host_organization_id, venue,
                                                   established_on, status, member_count, version, last_position)
                            values (:id, :name, :sector, :region, :host, :venue, :establishedOn, 'ACTIVE', 0,
                                    :version, :position)""")
                    .param("id", event.communityId().value())
                    .param("name", event.name())
                    .param("sector", event.sector())
                    .param("region", event.region())
                    .param("host", event.hostOrganizationId().value())
                    .param("venue", event.venue())
                    .param("establishedOn", event.establishedOn())
                    .param("version", envelope.sequence())
                    .param("position", envelope.position())
                    .update();
            return null;
        }

        @Override
        public Void memberJoined(MemberJoined event) {
            jdbc.sql("""
                            insert into member (community_id, organization_id, name, kind, province, joined_on)
                            values (:id, :organizationId, :name, :kind, :province, :joinedOn)""")
                    .param("id", event.communityId().value())
                    .param("organizationId", event.organizationId().value())
                    .param("name", event.name())
                    .param("kind", event.kind().name())
                    .param("province", event.province().code())
                    .param("joinedOn", event.joinedOn())
                    .update();
            jdbc.sql("""
                            update community set member_count = member_count + 1, version = :version,
                                                 last_position = :position
                            where community_id = :id""")
                    .param("id", event.communityId().value())
                    .param("version", envelope.sequence())
                    .param("position", envelope.position())
                    .update();
            return null;
        }
    }
}
