package org.communityledger.events.wire;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.communityledger.events.CommunityDissolved;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
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

/**
 * The catalogue of every event's logical name and current revision. A test checks that each permitted
 * subtype of {@link CommunityEvent} is listed here exactly once. Raising a revision needs an
 * {@link EventUpcaster} from the previous one, so that stored and published history stays readable.
 */
public final class EventTypes {

    private static final List<EventType> ALL = List.of(
            new EventType("CommunityEstablished", 1, CommunityEstablished.class),
            new EventType("ConstitutionApproved", 1, ConstitutionApproved.class),
            new EventType("OrganizationalListApproved", 1, OrganizationalListApproved.class),
            new EventType("MemberJoined", 2, MemberJoined.class),
            new EventType("MemberLeft", 1, MemberLeft.class),
            new EventType("MemberRoleAssigned", 1, MemberRoleAssigned.class),
            new EventType("MemberRoleRevoked", 1, MemberRoleRevoked.class),
            new EventType("PlaqueAwarded", 1, PlaqueAwarded.class),
            new EventType("PlaqueRevoked", 1, PlaqueRevoked.class),
            new EventType("CooperationAgreementSigned", 1, CooperationAgreementSigned.class),
            new EventType("CooperationAgreementTerminated", 1, CooperationAgreementTerminated.class),
            new EventType("CommunityDissolved", 1, CommunityDissolved.class));

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventTypes() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static EventType of(Class<?> javaType) {
        EventType type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("not a community event: " + javaType.getName());
        }
        return type;
    }

    public static Optional<EventType> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
