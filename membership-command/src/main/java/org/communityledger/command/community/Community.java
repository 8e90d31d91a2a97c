package org.communityledger.command.community;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.communityledger.command.dispatch.CommandMetadata;
import org.communityledger.events.CommunityDissolved;
import org.communityledger.events.CommunityEstablished;
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
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.GoverningPosition;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.PlaqueId;

/**
 * A community and the rules it enforces. Command handlers check, then apply; event-sourcing handlers only
 * assign state. Every command handler answers the community's version after its events.
 *
 * <p>The revision names the shape of this class's state in snapshots: raise it when fields change, and
 * older snapshots are ignored and the state is rebuilt from events.
 */
@Aggregate(snapshotTriggerDefinition = "communitySnapshotTrigger", cache = "communityCache")
@Revision("1")
class Community {

    @AggregateIdentifier
    private CommunityId communityId;
    private long version;
    private LocalDate establishedOn;
    private boolean dissolved;
    private final Set<String> constitutionVersions = new HashSet<>();
    private final Map<OrganizationId, Set<MemberRole>> activeMembers = new HashMap<>();
    private OrganizationId chairUnit;
    private final Map<PlaqueId, Boolean> plaquesRevoked = new HashMap<>();
    private final Map<AgreementId, Boolean> agreementsTerminated = new HashMap<>();

    Community() {
        // for Axon: created empty, then rebuilt from events or a snapshot
    }

    /** Before any command on an existing community: the conditional version, then the dissolution. */
    @CommandHandlerInterceptor
    Object guard(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_VERSION);
        if (expected instanceof Number expectedVersion && expectedVersion.longValue() != version) {
            throw new VersionConflict(expectedVersion.longValue(), version);
        }
        if (dissolved) {
            throw Rule.COMMUNITY_DISSOLVED.violated("Community " + communityId + " is dissolved and accepts no command.");
        }
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(EstablishCommunity command, Clock clock) {
        requireNotInFuture(command.establishedOn(), clock);
        apply(new CommunityEstablished(command.communityId(), command.name(), command.sector(), command.region(),
                command.hostOrganizationId(), command.venue(), command.establishedOn()));
        return version;
    }

    @CommandHandler
    long handle(ApproveConstitution command, Clock clock) {
        requireValidDate(command.approvedOn(), clock);
        if (constitutionVersions.contains(command.version())) {
            throw Rule.CONSTITUTION_VERSION_EXISTS.violated(
                    "Constitution version " + command.version() + " is already approved; an amendment needs a new version.");
        }
        apply(new ConstitutionApproved(communityId, command.version(), command.documentSha256(), command.approvedOn()));
        return version;
    }

    @CommandHandler
    long handle(ApproveOrganizationalList command, Clock clock) {
        requireValidDate(command.approvedOn(), clock);
        Set<OrganizationId> holders = new HashSet<>();
        for (GoverningPosition position : command.positions()) {
            if (!holders.add(position.organizationId())) {
                throw Rule.POSITION_HOLDER_LISTED_TWICE.violated(
                        "Organisation " + position.organizationId() + " is listed for more than one position.");
            }
        }
        apply(new OrganizationalListApproved(communityId, command.positions(), command.approvedOn()));
        return version;
    }

    @CommandHandler
    long handle(JoinMember command, Clock clock) {
        requireValidDate(command.joinedOn(), clock);
        OrganizationId organizationId = command.organization().organizationId();
        if (activeMembers.containsKey(organizationId)) {
            throw Rule.ALREADY_ACTIVE_MEMBER.violated(
                    "Organisation " + organizationId + " is already an active member of community " + communityId + ".");
        }
        apply(new MemberJoined(communityId, command.organization(), command.joinedOn()));
        return version;
    }

    @CommandHandler
    long handle(LeaveCommunity command, Clock clock) {
        requireValidDate(command.leftOn(), clock);
        requireActiveMember(command.organizationId());
        for (MemberRole role : List.copyOf(activeMembers.get(command.organizationId()))) {
            apply(new MemberRoleRevoked(communityId, command.organizationId(), role));
        }
        apply(new MemberLeft(communityId, command.organizationId(), command.reason(), command.leftOn()));
        return version;
    }

    @CommandHandler
    long handle(AssignRole command) {
        requireActiveMember(command.organizationId());
        if (activeMembers.get(command.organizationId()).contains(command.role())) {
            throw Rule.ROLE_ALREADY_HELD.violated(
                    "Organisation " + command.organizationId() + " already holds the role " + command.role() + ".");
        }
        if (command.role() == MemberRole.CHAIR_UNIT && chairUnit != null) {
            if (!command.transfer()) {
                throw Rule.CHAIR_UNIT_TAKEN.violated("Organisation " + chairUnit + " is the chair unit; designate "
                        + command.organizationId() + " with \"transfer\": true to hand the role over.");
            }
            apply(new MemberRoleRevoked(communityId, chairUnit, MemberRole.CHAIR_UNIT));
        }
        apply(new MemberRoleAssigned(communityId, command.organizationId(), command.role()));
        return version;
    }

    @CommandHandler
    long handle(RevokeRole command) {
        Set<MemberRole> roles = activeMembers.get(command.organizationId());
        if (roles == null || !roles.contains(command.role())) {
            throw Rule.ROLE_NOT_HELD.violated(
                    "Organisation " + command.organizationId() + " does not hold the role " + command.role() + ".");
        }
        apply(new MemberRoleRevoked(communityId, command.organizationId(), command.role()));
        return version;
    }

    @CommandHandler
    long handle(AwardPlaque command, Clock clock) {
        requireValidDate(command.awardedOn(), clock);
        requireActiveMember(command.recipientOrganizationId());
        apply(new PlaqueAwarded(communityId, command.plaqueId(), command.title(), command.recipientOrganizationId(),
                command.presentedBy(), command.awardedOn()));
        return version;
    }

    @CommandHandler
    long handle(RevokePlaque command) {
        Boolean revoked = plaquesRevoked.get(command.plaqueId());
        if (revoked == null) {
            throw new UnknownPart("Community " + communityId + " has no plaque " + command.plaqueId() + ".");
        }
        if (revoked) {
            throw Rule.PLAQUE_ALREADY_REVOKED.violated("Plaque " + command.plaqueId() + " is already revoked.");
        }
        apply(new PlaqueRevoked(communityId, command.plaqueId(), command.reason()));
        return version;
    }

    @CommandHandler
    long handle(SignAgreement command, Clock clock) {
        requireValidDate(command.signedOn(), clock);
        Set<OrganizationId> parties = new LinkedHashSet<>(command.partyOrganizationIds());
        if (parties.size() < 2 || parties.size() != command.partyOrganizationIds().size()) {
            throw Rule.AGREEMENT_NEEDS_TWO_DISTINCT_PARTIES.violated(
                    "An agreement needs at least two parties, each named once.");
        }
        parties.forEach(this::requireActiveMember);
        apply(new CooperationAgreementSigned(communityId, command.agreementId(), command.title(),
                command.partyOrganizationIds(), command.scope(), command.signedOn()));
        return version;
    }

    @CommandHandler
    long handle(TerminateAgreement command, Clock clock) {
        requireValidDate(command.terminatedOn(), clock);
        Boolean terminated = agreementsTerminated.get(command.agreementId());
        if (terminated == null) {
            throw new UnknownPart("Community " + communityId + " has no agreement " + command.agreementId() + ".");
        }
        if (terminated) {
            throw Rule.AGREEMENT_ALREADY_TERMINATED.violated(
                    "Agreement " + command.agreementId() + " is already terminated.");
        }
        apply(new CooperationAgreementTerminated(communityId, command.agreementId(), command.reason(),
                command.terminatedOn()));
        return version;
    }

    @CommandHandler
    long handle(DissolveCommunity command, Clock clock) {
        requireValidDate(command.dissolvedOn(), clock);
        apply(new CommunityDissolved(communityId, command.reason(), command.dissolvedOn()));
        return version;
    }

    private void requireActiveMember(OrganizationId organizationId) {
        if (!activeMembers.containsKey(organizationId)) {
            throw Rule.NOT_AN_ACTIVE_MEMBER.violated(
                    "Organisation " + organizationId + " is not an active member of community " + communityId + ".");
        }
    }

    private void requireValidDate(LocalDate date, Clock clock) {
        requireNotInFuture(date, clock);
        if (date.isBefore(establishedOn)) {
            throw Rule.DATE_BEFORE_ESTABLISHMENT.violated(
                    "The date " + date + " is before the community was established on " + establishedOn + ".");
        }
    }

    private static void requireNotInFuture(LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw Rule.DATE_IN_THE_FUTURE.violated("The date " + date + " is in the future.");
        }
    }

    @EventSourcingHandler
    void on(CommunityEstablished event, @SequenceNumber long sequenceNumber) {
        communityId = event.communityId();
        establishedOn = event.establishedOn();
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(ConstitutionApproved event, @SequenceNumber long sequenceNumber) {
        constitutionVersions.add(event.version());
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(OrganizationalListApproved event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(MemberJoined event, @SequenceNumber long sequenceNumber) {
        activeMembers.put(event.organization().organizationId(), EnumSet.noneOf(MemberRole.class));
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(MemberLeft event, @SequenceNumber long sequenceNumber) {
        activeMembers.remove(event.organizationId());
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(MemberRoleAssigned event, @SequenceNumber long sequenceNumber) {
        activeMembers.get(event.organizationId()).add(event.role());
        if (event.role() == MemberRole.CHAIR_UNIT) {
            chairUnit = event.organizationId();
        }
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(MemberRoleRevoked event, @SequenceNumber long sequenceNumber) {
        Set<MemberRole> roles = activeMembers.get(event.organizationId());
        if (roles != null) {
            roles.remove(event.role());
        }
        if (event.role() == MemberRole.CHAIR_UNIT && event.organizationId().equals(chairUnit)) {
            chairUnit = null;
        }
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(PlaqueAwarded event, @SequenceNumber long sequenceNumber) {
        plaquesRevoked.put(event.plaqueId(), false);
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(PlaqueRevoked event, @SequenceNumber long sequenceNumber) {
        plaquesRevoked.put(event.plaqueId(), true);
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(CooperationAgreementSigned event, @SequenceNumber long sequenceNumber) {
        agreementsTerminated.put(event.agreementId(), false);
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(CooperationAgreementTerminated event, @SequenceNumber long sequenceNumber) {
        agreementsTerminated.put(event.agreementId(), true);
        version = sequenceNumber + 1;
    }

    @EventSourcingHandler
    void on(CommunityDissolved event, @SequenceNumber long sequenceNumber) {
        dissolved = true;
        version = sequenceNumber + 1;
    }
}
