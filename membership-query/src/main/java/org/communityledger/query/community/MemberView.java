package org.communityledger.query.community;

import java.time.LocalDate;
import java.util.List;

/** An active member of a community. */
record MemberView(
        String organizationId,
        String name,
        String kind,
        String province,
        List<String> roles,
        LocalDate joinedOn) {
}
