package org.communityledger.query.community;

import java.time.LocalDate;
import java.util.List;

/** An active member of a community, with the roles it holds. */
record MemberView(
        String organizationId,
        String name,
        String kind,
        String province,
        List<String> roles,
        String position,
        LocalDate joinedOn) {
}
