package org.communityledger.client.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A health status with its parts: the service's overall status, and each component's (db, kafka, topicLayout,
 * quarantine...), which may have components of its own.
 *
 * @param status  UP, DOWN, OUT_OF_SERVICE, UNKNOWN, or a status of the service's own such as DEGRADED
 * @param details what the component reports beside its status; its shape is the component's own
 */
public record Health(String status, Map<String, Health> components, Map<String, Object> details) {

    public static final String UP = "UP";

    public Health {
        // Kept in the service's order (it sorts them by name), and details may hold nulls: no Map.copyOf.
        components = components == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(components));
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public boolean isUp() {
        return UP.equals(status);
    }

    public Optional<Health> component(String name) {
        return Optional.ofNullable(components.get(name));
    }
}
