package org.communityledger.command.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.communityledger.events.CommunityDissolved;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
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
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.wire.EventCodec;
import org.springframework.stereotype.Component;

/** Rebuilds a community as it was at a version or an instant, from its stored events up to there. */
@Component
class TimeTravel {

    private final StoredEvents storedEvents;
    private final EventCodec codec = new EventCodec();

    TimeTravel(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    Optional<HistoricalState> atVersion(String communityId, long version) {
        return replay(communityId, event -> event.version() <= version);
    }

    Optional<HistoricalState> asOf(String communityId, Instant instant) {
        return replay(communityId, event -> !Instant.parse(event.timestamp()).isAfter(instant));
    }

    private Optional<HistoricalState> replay(String communityId, Predicate<StoredEvent> included) {
        Fold fold = new Fold(communityId);
        storedEvents.streamCommunity(communityId, Long.MAX_VALUE, event -> {
            if (included.test(event)) {
                fold.apply(event, codec.decode(event.name(), Integer.parseInt(event.revision()), event.payload()));
            }
        });
        return fold.version == 0 ? Optional.empty() : Optional.of(fold.state());
    }

    /** Assigns what each event says, in order; the last applied event sets version, position and time. */
    private static final class Fold implements CommunityEventVisitor<Void> {
        private final String communityId;
        private long version;
        private long position;
        private String recordedAt;
        private CommunityEstablished established;
        private String status = "ACTIVE";
        private LocalDate dissolvedOn;
        private final List<String> constitutions = new ArrayList<>();
        private final List<HistoricalState.Position> organizationalList = new ArrayList<>();
        private final Map<OrganizationId, MemberJoined> members = new LinkedHashMap<>();
        private final Map<OrganizationId, Set<MemberRole>> roles = new LinkedHashMap<>();
        private final Map<String, HistoricalState.Plaque> plaques = new LinkedHashMap<>();
        private final Map<String, HistoricalState.Agreement> agreements = new LinkedHashMap<>();

        Fold(String communityId) {
            this.communityId = communityId;
        }

        void apply(StoredEvent stored, CommunityEvent event) {
            event.accept(this);
            version = stored.version();
            position = stored.position();
            recordedAt = stored.timestamp();
        }

        HistoricalState state() {
            List<HistoricalState.Member> memberList = members.values().stream()
                    .map(joined -> new HistoricalState.Member(joined.organization().organizationId().value(),
                            joined.organization().name(), joined.organization().kind().name(),
                            joined.organization().province().code(), joined.joinedOn(),
                            roles.get(joined.organization().organizationId()).stream().map(Enum::name).sorted().toList()))
                    .toList();
            return new HistoricalState(communityId, version, position, recordedAt, established.name(),
                    established.sector(), established.region(), established.hostOrganizationId().value(),
                    established.venue(), established.establishedOn(), status, dissolvedOn, List.copyOf(constitutions),
                    List.copyOf(organizationalList), memberList, List.copyOf(plaques.values()),
                    List.copyOf(agreements.values()));
        }

        @Override
        public Void communityEstablished(CommunityEstablished event) {
            established = event;
            return null;
        }

        @Override
        public Void constitutionApproved(ConstitutionApproved event) {
            constitutions.add(event.version());
            return null;
        }

        @Override
        public Void organizationalListApproved(OrganizationalListApproved event) {
            organizationalList.clear();
            event.positions().forEach(position -> organizationalList.add(
                    new HistoricalState.Position(position.organizationId().value(), position.position())));
            return null;
        }

        @Override
        public Void memberJoined(MemberJoined event) {
            members.put(event.organization().organizationId(), event);
            roles.put(event.organization().organizationId(), EnumSet.noneOf(MemberRole.class));
            return null;
        }

        @Override
        public Void memberLeft(MemberLeft event) {
            members.remove(event.organizationId());
            roles.remove(event.organizationId());
            return null;
        }

        @Override
        public Void memberRoleAssigned(MemberRoleAssigned event) {
            roles.get(event.organizationId()).add(event.role());
            return null;
        }

        @Override
        public Void memberRoleRevoked(MemberRoleRevoked event) {
            Set<MemberRole> held = roles.get(event.organizationId());
            if (held != null) {
                held.remove(event.role());
            }
            return null;
        }

        @Override
        public Void plaqueAwarded(PlaqueAwarded event) {
            plaques.put(event.plaqueId().value(), new HistoricalState.Plaque(event.plaqueId().value(), event.title(),
                    event.recipientOrganizationId().value(), event.presentedBy(), event.awardedOn(), false));
            return null;
        }

        @Override
        public Void plaqueRevoked(PlaqueRevoked event) {
            plaques.computeIfPresent(event.plaqueId().value(), (id, plaque) -> new HistoricalState.Plaque(id,
                    plaque.title(), plaque.recipientOrganizationId(), plaque.presentedBy(), plaque.awardedOn(), true));
            return null;
        }

        @Override
        public Void cooperationAgreementSigned(CooperationAgreementSigned event) {
            agreements.put(event.agreementId().value(), new HistoricalState.Agreement(event.agreementId().value(),
                    event.title(), event.partyOrganizationIds().stream().map(OrganizationId::value).toList(),
                    event.scope(), event.signedOn(), null));
            return null;
        }

        @Override
        public Void cooperationAgreementTerminated(CooperationAgreementTerminated event) {
            agreements.computeIfPresent(event.agreementId().value(), (id, agreement) -> new HistoricalState.Agreement(
                    id, agreement.title(), agreement.partyOrganizationIds(), agreement.scope(), agreement.signedOn(),
                    event.terminatedOn()));
            return null;
        }

        @Override
        public Void communityDissolved(CommunityDissolved event) {
            status = "DISSOLVED";
            dissolvedOn = event.dissolvedOn();
            return null;
        }
    }
}
