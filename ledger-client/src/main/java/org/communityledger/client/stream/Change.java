package org.communityledger.client.stream;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An applied event, as the stream's {@code change} events and the newest changes carry it.
 *
 * @param type     the event's logical name (MemberJoined, ...)
 * @param version  the community's version the event made
 * @param position the event's global position: the stream's event id
 * @param event    the event's JSON, in the shape the events topic's schema gives for its name
 */
public record Change(String type, String communityId, long version, long position, Instant appliedAt,
                     JsonNode event) {
}
