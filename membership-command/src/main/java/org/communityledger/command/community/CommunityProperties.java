package org.communityledger.command.community;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
record CommunityProperties(@DefaultValue("100") int snapshotThreshold, @DefaultValue("Asia/Shanghai") ZoneId timeZone,
                           @DefaultValue("1000") int cacheSize) {

}
