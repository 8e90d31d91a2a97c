package org.communityledger.client.community;

import java.time.LocalDate;
import java.util.List;

/**
 * An active member of a community.
 *
 * @param roles    the roles it holds (CHAIR_UNIT, ...)
 * @param position its governing position from the approved organisational list, or null
 */
public record Member(String organizationId, String name, String kind, String province, List<String> roles,
                     String position, LocalDate joinedOn) {

    public Member {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
