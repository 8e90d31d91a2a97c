package org.communityledger.events.value;

import java.util.Objects;

/** An organisation as a community records it when it joins. Names are free Unicode text. */
public record Organization(OrganizationId organizationId, String name, OrganizationKind kind, Province province) {

    public Organization {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(province, "province");
    }
}
