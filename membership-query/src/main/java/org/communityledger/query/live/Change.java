package org.communityledger.query.live;

import java.time.Instant;

/**
 * One applied event as the live stream shows it.
 *
 * @param changeId the change log's own order (commit order on this instance), used to resume a stream
 * @param position the event's global position: the SSE id a client sees
 * @param payload  the event as JSON, in the wire contract's shape
 */
record Change(long changeId, long position, String communityId, long version, String type, String payload,
              Instant appliedAt) {
}
