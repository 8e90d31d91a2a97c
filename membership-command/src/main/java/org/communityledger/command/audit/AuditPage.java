package org.communityledger.command.audit;

import java.util.List;

/**
 * A page of history. {@code next} is what to pass to get the following page (a version for a community's
 * history, a position for the global feed), or null at the end.
 */
record AuditPage(List<AuditEvent> items, Long next, long total) {
}
