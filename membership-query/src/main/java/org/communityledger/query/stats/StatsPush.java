package org.communityledger.query.stats;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.communityledger.query.live.ChangeFeed;
import org.communityledger.query.live.ChangesBroadcast;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the figures across communities to the stream clients that asked for them ({@code /api/stream?stats=true}),
 * when changes moved them: counted once per instance and at most once per interval, however many pages are
 * open, instead of every page fetching {@code /api/stats} after every change.
 */
@Component
class StatsPush {

    /** The events that change a figure: communities, members, and where and what those members are. */
    private static final Set<String> MOVE_FIGURES = Set.of("CommunityEstablished", "CommunityDissolved",
            "MemberJoined", "MemberLeft");

    private final ChangeFeed feed;
    private final Statistics statistics;
    private final AtomicBoolean moved = new AtomicBoolean();

    StatsPush(ChangeFeed feed, Statistics statistics) {
        this.feed = feed;
        this.statistics = statistics;
    }

    @EventListener
    void changesBroadcast(ChangesBroadcast broadcast) {
        if (broadcast.eventTypes().stream().anyMatch(MOVE_FIGURES::contains)) {
            moved.set(true);
        }
    }

    @Scheduled(fixedDelayString = "${ledger.live.stats-interval:PT1S}")
    void pushIfMoved() {
        if (feed.anyWantsStats() && moved.getAndSet(false)) {
            feed.offerStats(statistics.current());
        }
    }
}
