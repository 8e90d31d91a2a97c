package org.communityledger.query.live;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An applied event as the stream's {@code change} events carry it. */
record RecentChange(
        @Schema(description = "The event's logical name", example = "MemberJoined") String type,
        @Schema(example = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e") String communityId,
        @Schema(description = "The community's version this event made", example = "57") long version,
        @Schema(description = "The event's global position: the stream's event id", example = "129") long position,
        @Schema(description = "When the views applied it") Instant appliedAt,
        @Schema(description = "The event as JSON, in the shape the events topic's schema gives for its name and "
                + "revision", implementation = Object.class) @JsonRawValue String event) {

    static RecentChange of(Change change) {
        return new RecentChange(change.type(), change.communityId(), change.version(), change.position(),
                change.appliedAt(), change.payload());
    }
}
