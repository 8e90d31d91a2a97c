package org.communityledger.client.command;

import java.util.List;

/**
 * The optional headers of a command.
 *
 * @param idempotencyKey  sent as {@code Idempotency-Key}: a retry with the same key and body answers the first
 *                        result and records nothing new; null for none
 * @param expectedVersion sent as {@code If-Match}: the command is refused (412) unless the community is still at
 *                        this version; null for an unconditional command
 * @param correlationId   sent as {@code X-Correlation-Id}, recorded in the events' metadata and the services'
 *                        logs; null lets the service make one
 */
public record CommandOptions(String idempotencyKey, Long expectedVersion, String correlationId) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    /** Every header a command may carry. */
    public static final List<String> HEADERS = List.of(IDEMPOTENCY_KEY, IF_MATCH, CORRELATION_ID);

    /** No header: an unconditional command that a retry would record again. */
    public static final CommandOptions NONE = new CommandOptions(null, null, null);

    public static CommandOptions idempotent(String idempotencyKey) {
        return NONE.withIdempotencyKey(idempotencyKey);
    }

    public CommandOptions withIdempotencyKey(String key) {
        return new CommandOptions(key, expectedVersion, correlationId);
    }

    public CommandOptions withExpectedVersion(long version) {
        return new CommandOptions(idempotencyKey, version, correlationId);
    }

    public CommandOptions withCorrelationId(String id) {
        return new CommandOptions(idempotencyKey, expectedVersion, id);
    }
}
