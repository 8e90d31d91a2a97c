package org.communityledger.query.projection;

/**
 * The advisory lock that orders view writers and a rebuild's swap across every query instance. Each
 * projector transaction takes it shared before its first statement on the views; a rebuild takes it
 * exclusively for its last catch-up and the swap, so no instance writes to the old views meanwhile, and
 * writers that waited continue on the new views, where what the rebuild applied already is skipped.
 */
public final class ViewsFence {

    /** The lock's key, the same in every instance (a fixed, arbitrary number). */
    public static final long KEY = 0x4c65646765725653L;

    private ViewsFence() {
    }
}
