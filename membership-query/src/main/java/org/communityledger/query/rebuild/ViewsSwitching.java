package org.communityledger.query.rebuild;

/**
 * Published, on the rebuild's thread, just before the schemas are swapped; {@link ViewsReplaced} follows on the
 * same thread whether or not the swap succeeded, so listeners can hold a lock across the swap.
 */
public record ViewsSwitching() {
}
