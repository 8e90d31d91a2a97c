package org.communityledger.command.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the audit API.
 *
 * @param settle             how long a hole in the global positions is given to be filled by a command that is
 *                           still committing before it is taken as final; the feed and digests stop below younger
 *                           holes (default 10 s)
 * @param newestEventsCheck  how many of the newest events the service checks once after it starts
 *                           ({@link NewestEventsCheck}; default 50,000, 0 checks none)
 * @param pageSize           how many events the audit's streams (verify, export, time travel) read per query
 *                           (default 2,000; {@link StoredEvents})
 */
@ConfigurationProperties("ledger.audit")
record AuditProperties(@DefaultValue("10s") Duration settle, @DefaultValue("50000") int newestEventsCheck,
                       @DefaultValue("2000") int pageSize) {

    AuditProperties {
        if (pageSize < 1) {
            throw new IllegalArgumentException("ledger.audit.page-size must be at least 1, was " + pageSize);
        }
    }
}
