package org.communityledger.command.dispatch;

/** The first outcome of a request with an idempotency key, kept to answer its retries. */
record IdempotencyRecord(String key, String requestFingerprint, String communityId, long version, CreatedId created) {
}
