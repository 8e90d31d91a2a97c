package org.communityledger.command.ledger;

/** Metadata keys of the tamper-evidence fields on every stored event. */
public final class LedgerMetadata {

    /** Which chain hash sealed the event ({@code ledger-chain-v2}); events sealed under v1 carry none. */
    public static final String HASH_VERSION = "hashVersion";
    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";

    private LedgerMetadata() {
    }
}
