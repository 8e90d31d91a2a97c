package org.communityledger.command.community;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the community aggregate.
 *
 * @param snapshotThreshold events after which a snapshot of a community is stored, so that loading it
 *                          never replays more than this many events (default 100)
 * @param timeZone          where "today" is when a date is checked for being in the future; the communities
 *                          are in China (default Asia/Shanghai)
 * @param cacheSize         communities kept loaded in memory, least recently used evicted first (default 1000)
 */
@ConfigurationProperties("ledger.community")
record CommunityProperties(Integer snapshotThreshold, ZoneId timeZone, Integer cacheSize) {

    CommunityProperties {
        snapshotThreshold = snapshotThreshold == null ? 100 : snapshotThreshold;
        timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
        cacheSize = cacheSize == null ? 1000 : cacheSize;
    }
}
