package org.communityledger.query.projection;

/**
 * The PostgreSQL notification channel on which the change log's writers announce commits: the V4 migration's
 * trigger for every projector transaction, and a rebuild when it swaps the views. Change feeds LISTEN to it.
 */
public final class ChangeLogChannel {

    public static final String NAME = "ledger_changes";

    private ChangeLogChannel() {
    }
}
