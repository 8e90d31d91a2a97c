package org.communityledger.query.live;

import java.time.Instant;

/**
 * One applied event as the live stream shows it.
 *
 * @param cursor   its place in the change log's commit order, used to follow the log and resume a stream
 * @param position the event's global position: the SSE id a client sees
 * @param payload  the event as JSON, in the wire contract's shape
 */
record Change(ChangeCursor cursor, long position, String communityId, long version, String type, String payload,
              Instant appliedAt) {
}
