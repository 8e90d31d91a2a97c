package org.communityledger.command.audit;

/**
 * An event as the store holds it, with everything an auditor needs: where it stands, what it is, who
 * caused it and its seal.
 *
 * @param position  global position in the store
 * @param version   the community's version after this event (1 for the first)
 * @param timestamp as stored (ISO-8601 UTC)
 * @param metaData  the stored metadata JSON: principal, correlation id, idempotency key, prevHash, hash
 * @param payload   the stored payload bytes (JSON)
 */
record StoredEvent(long position, String communityId, long version, String eventId, String name, String revision,
                   String timestamp, byte[] metaData, byte[] payload) {
}
