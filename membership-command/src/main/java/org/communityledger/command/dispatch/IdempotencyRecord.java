package org.communityledger.command.dispatch;

/**
 * The first outcome of a request with an idempotency key, kept to answer its retries. A key belongs to the
 * principal that sent it: another principal's request with the same key is a request of its own.
 */
record IdempotencyRecord(String principal, String key, String requestFingerprint, String communityId, long version,
                         CreatedId created) {
}
