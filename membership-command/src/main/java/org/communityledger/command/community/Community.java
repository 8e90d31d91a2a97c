package org.communityledger.command.community;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;

/**
 * A community and the rules it enforces. Command handlers check, then apply; event-sourcing handlers
 * only assign state. A command handler answers the community's version after its events.
 */
@Aggregate
class Community {

    @AggregateIdentifier
    private CommunityId communityId;
    private final Set<OrganizationId> activeMembers = new HashSet<>();
    private long version;

    Community() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Community(EstablishCommunity command) {
        apply(new CommunityEstablished(command.communityId(), command.name(), command.sector(), command.region(),
                command.hostOrganizationId(), command.venue(), command.establishedOn()));
    }

    @CommandHandler
    long handle(JoinMember command) {
        if (activeMembers.contains(command.organizationId())) {
            throw new AlreadyActiveMember(communityId, command.organizationId());
        }
        apply(new MemberJoined(communityId, command.organizationId(), command.name(), command.kind(),
                command.province(), command.joinedOn()));
        return version;
    }

    @EventSourcingHandler
    void on(CommunityEstablished event, @SequenceNumber long sequenceNumber) {
        communityId = event.communityId();
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(MemberJoined event, @SequenceNumber long sequenceNumber) {
        activeMembers.add(event.organizationId());
        version = sequenceNumber + 1;
    }
}
