package org.communityledger.client.community;

import java.util.List;

/**
 * One page of communities.
 *
 * @param total    how many communities there are in all
 * @param position the newest global position the views had applied when the page was read
 */
public record CommunityPage(List<CommunitySummary> items, int page, int size, long total, long position) {

    public CommunityPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether pages follow this one. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
