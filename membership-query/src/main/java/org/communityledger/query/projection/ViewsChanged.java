package org.communityledger.query.projection;

/**
 * This instance committed a transaction that applied these events to the live views, announced in the process
 * right after the commit, so that a read-your-writes query waiting for one of them goes on at once.
 *
 * @param positions the global positions of the events applied
 */
public record ViewsChanged(long[] positions) {
}
