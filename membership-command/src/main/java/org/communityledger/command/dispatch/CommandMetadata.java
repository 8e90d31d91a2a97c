package org.communityledger.command.dispatch;

/** Keys of the metadata a command carries; the first three are copied onto every event it causes. */
public final class CommandMetadata {

    /** From {@code X-Correlation-Id}, or made when the request has none. */
    public static final String CORRELATION_ID = "correlationId";
    /** Who issued the command. */
    public static final String PRINCIPAL = "principal";
    /** From {@code Idempotency-Key}, when the request has one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** From {@code If-Match}: the version the command expects the community to be at. Not copied to events. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private CommandMetadata() {
    }
}
