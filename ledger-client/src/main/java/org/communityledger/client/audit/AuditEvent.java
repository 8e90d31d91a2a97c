package org.communityledger.client.audit;

import tools.jackson.databind.JsonNode;

/**
 * One event of the history as the audit API answers it.
 *
 * @param position  its global position: the order of the whole ledger
 * @param version   its sequence in its community, from 1
 * @param name      its logical name (e.g. MemberJoined), with {@code revision} the version of its JSON shape
 * @param timestamp when it was recorded (ISO-8601 UTC)
 * @param metadata  who issued the command, the correlation id, the idempotency key and the seal (prevHash, hash)
 * @param payload   the event's facts as stored; the topic's JSON Schemas describe each name and revision
 */
public record AuditEvent(long position, String communityId, long version, String eventId, String name, int revision,
                         String timestamp, JsonNode metadata, JsonNode payload) {
}
