package org.communityledger.command.ledger;

/**
 * The advisory lock that lets the transparency log tell a hole in the positions that will never be filled from
 * one that a committing command is about to fill. Every append holds it in shared mode from the moment it takes
 * positions until it commits or rolls back (in {@link SealingAppend}, and again in the event table's insert
 * trigger for anything that inserts another way); the sealer takes it exclusively for an instant, after which
 * every position handed out so far is either stored or never will be. The insert trigger also refuses a
 * position at or below the sealed one, so a leaf index, once given, never moves.
 */
public final class TransparencyFence {

    /** The key of the advisory lock, in every session of the event store's database. */
    public static final long LOCK_KEY = 0x4c65646765725446L; // "LedgerTF"

    private TransparencyFence() {
    }
}
