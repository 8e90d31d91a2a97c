package org.communityledger.client.audit;

import java.util.List;

/**
 * A page of history, oldest first.
 *
 * @param next  what to ask with for the following page (a version in a community's history, a position in the
 *              global feed), or null at the end
 * @param total how many events the whole history holds
 */
public record AuditPage(List<AuditEvent> items, Long next, long total) {

    public AuditPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
