package org.communityledger.query.live;

/**
 * A place in the change log's commit order: the writing transaction's id, then the row's own id within it.
 * Every instance follows the log in this order (see the V4 migration for why change_id alone is not enough).
 */
record ChangeCursor(long txId, long changeId) implements Comparable<ChangeCursor> {

    /** Before every change. */
    static final ChangeCursor START = new ChangeCursor(0, 0);

    @Override
    public int compareTo(ChangeCursor other) {
        int byTransaction = Long.compare(txId, other.txId);
        return byTransaction != 0 ? byTransaction : Long.compare(changeId, other.changeId);
    }

    boolean isAfter(ChangeCursor other) {
        return compareTo(other) > 0;
    }
}
