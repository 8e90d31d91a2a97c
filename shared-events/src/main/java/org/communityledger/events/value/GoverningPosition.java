package org.communityledger.events.value;

import java.util.Objects;

/** One line of an approved organisational list: which organisation holds which governing position. */
public record GoverningPosition(OrganizationId organizationId, String position) {

    public GoverningPosition {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(position, "position");
    }
}
