package org.communityledger.command.ledger;

/** Metadata keys of the tamper-evidence fields on every stored event. */
public final class LedgerMetadata {

    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";

    private LedgerMetadata() {
    }
}
