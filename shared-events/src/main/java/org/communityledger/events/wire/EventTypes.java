package org.communityledger.events.wire;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.MemberJoined;

/**
 * The catalogue of every event's logical name and current revision. A test checks that each permitted
 * subtype of {@link CommunityEvent} is listed here exactly once.
 */
public final class EventTypes {

    private static final List<EventType> ALL = List.of(
            new EventType("CommunityEstablished", 1, CommunityEstablished.class),
            new EventType("MemberJoined", 1, MemberJoined.class));

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
