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
    /** The event's tamper-evidence hash (see the audit API); informative, consumers need not check it. */
    public static final String HASH = "ledger-hash";

    private EventHeaders() {
    }
}
