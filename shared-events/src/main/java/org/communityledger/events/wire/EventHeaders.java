package org.communityledger.events.wire;

/** Names of the Kafka record headers every event carries. Values are UTF-8 text. */
public final class EventHeaders {

    public static final String EVENT_NAME = "ledger-event-name";
    public static final String EVENT_REVISION = "ledger-event-revision";
    public static final String EVENT_ID = "ledger-event-id";
    public static final String SEQUENCE = "ledger-sequence";
    public static final String POSITION = "ledger-position";
    public static final String TIMESTAMP = "ledger-timestamp";
    public static final String CORRELATION_ID = "ledger-correlation-id";
    /** The event's chain hash (see the audit API). */
    public static final String HASH = "ledger-hash";
    /** The chain hash of the community's previous event: what this event links to. */
    public static final String PREV_HASH = "ledger-prev-hash";
    /**
     * The publisher's Ed25519 signature over {@link RecordSignature#signedBytes}: base64 of the signing key's
     * 4-byte id followed by the 64-byte signature (the signature line format of a C2SP signed note).
     */
    public static final String SIGNATURE = "ledger-signature";
    /**
     * What the publisher sends instead of {@link #SIGNATURE} since batch signing: one Ed25519 signature over the
     * Merkle root of a whole batch of records' {@link RecordSignature#signedBytes}, with this record's inclusion
     * path. Base64 of the key id (4 bytes), the signature (64), the batch size and the record's index in it (4
     * each) and the path's 32-byte hashes. A consumer accepts either header.
     */
    public static final String BATCH_SIGNATURE = "ledger-batch-signature";

    private EventHeaders() {
    }
}
