package org.communityledger.command.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the audit API.
 *
 * @param settle how long a hole in the global positions is given to be filled by a command that is still
 *               committing before it is taken as final; the feed and digests stop below younger holes
 *               (default 10 s)
 */
@ConfigurationProperties("ledger.audit")
record AuditProperties(Duration settle) {

    AuditProperties {
        settle = settle == null ? Duration.ofSeconds(10) : settle;
    }
}
