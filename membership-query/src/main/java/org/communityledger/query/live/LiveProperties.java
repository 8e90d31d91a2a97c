package org.communityledger.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the live stream and of read-your-writes.
 *
 * @param retainedChanges   changes kept in the log for resuming streams and checking positions (default 100000)
 * @param subscriberBuffer  changes buffered per stream client; a client that falls further behind is
 *                          disconnected and resumes from the log with Last-Event-ID (default 1000)
 * @param heartbeat         interval of keep-alive comments on idle streams (default 15 s)
 * @param streamTimeout     a stream is closed after this long and the browser reconnects (default 30 min)
 * @param freshnessTimeout  how long a query with {@code minPosition} waits for the views before 503 (default 5 s)
 * @param freshnessRecheck  how often a waiting query asks the database whether its event was applied (default
 *                          1 s); it is woken at once when this instance applies the event or its change feed
 *                          reads it, so this only covers what neither announces
 * @param maxWaitersPerPrincipal queries with {@code minPosition} one principal may have waiting at once; one more is
 *                          answered 429 (default 20). Each holds a request thread while it waits
 * @param maxStreams        stream clients served at once; one more is answered 503 (default 500). Each holds
 *                          a connection, a buffer and, while it is sent to, a thread
 * @param maxStreamsPerPrincipal stream clients one principal may have at once; one more is answered 429
 *                          (default 50), so that one account cannot take every slot
 * @param feedIdlePoll      how often the change feed reads the change log with no notification of a commit
 *                          (default 30 s): it is woken by PostgreSQL's notifications, and this only covers
 *                          notifications lost while its listening connection was broken
 */
@ConfigurationProperties("ledger.live")
record LiveProperties(@DefaultValue("100000") long retainedChanges,
                      @DefaultValue("1000") int subscriberBuffer,
                      @DefaultValue("15s") Duration heartbeat,
                      @DefaultValue("30m") Duration streamTimeout,
                      @DefaultValue("5s") Duration freshnessTimeout,
                      @DefaultValue("1s") Duration freshnessRecheck,
                      @DefaultValue("20") int maxWaitersPerPrincipal,
                      @DefaultValue("500") int maxStreams,
                      @DefaultValue("50") int maxStreamsPerPrincipal,
                      @DefaultValue("30s") Duration feedIdlePoll) {

    LiveProperties {
        if (freshnessRecheck.isNegative() || freshnessRecheck.isZero()) {
            throw new IllegalArgumentException("ledger.live.freshness-recheck must be positive: " + freshnessRecheck);
        }
    }
}
