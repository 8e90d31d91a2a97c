package org.communityledger.client.community;

import java.util.List;

/**
 * One page of a community's active members.
 *
 * @param total    how many members match in all
 * @param position the newest global position the views had applied when the page was read
 */
public record MemberPage(List<Member> items, int page, int size, long total, long position) {

    public MemberPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
