package org.communityledger.command.dispatch;

/**
 * What a command request says besides its body.
 *
 * @param principal       who issues it
 * @param correlationId   from {@code X-Correlation-Id}, or newly made
 * @param idempotencyKey  from {@code Idempotency-Key}, or null
 * @param expectedVersion from {@code If-Match}, or null when the command is unconditional
 * @param target          method and path, part of what makes two requests with one idempotency key "the same"
 */
public record CommandContext(
        String principal,
        String correlationId,
        String idempotencyKey,
        Long expectedVersion,
        String target) {
}
