package org.communityledger.query.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The server-sent events of {@code /api/stream}; the SSE id is always a global position. */
final class StreamEvents {

    private StreamEvents() {
    }

    /** {@code event: change}: what happened, to which community, at which version and position. */
    static SseEmitter.SseEventBuilder change(Change change) {
        String data = "{\"type\":\"" + change.type() + "\",\"communityId\":\"" + change.communityId()
                + "\",\"version\":" + change.version() + ",\"position\":" + change.position()
                + ",\"appliedAt\":\"" + change.appliedAt() + "\",\"event\":" + change.payload() + "}";
        return SseEmitter.event().id(Long.toString(change.position())).name("change")
                .data(data, MediaType.APPLICATION_JSON);
    }

    /** {@code event: stats}: the figures across communities, without an id (they are not a change to resume after). */
    static SseEmitter.SseEventBuilder stats(Object figures) {
        return SseEmitter.event().name("stats").data(figures, MediaType.APPLICATION_JSON);
    }

    /** {@code event: ready}: the stream is live from this position on. */
    static SseEmitter.SseEventBuilder ready(long position) {
        return SseEmitter.event().id(Long.toString(position)).name("ready")
                .data("{\"position\":" + position + "}", MediaType.APPLICATION_JSON);
    }

    /** {@code event: reset}: the client missed more than the log keeps; it must reload its views. */
    static SseEmitter.SseEventBuilder reset(long lastEventId, long position) {
        return reset("changes after " + lastEventId + " are no longer kept; reload the views", position);
    }

    /** {@code event: reset} after the views were rebuilt: reload them. */
    static SseEmitter.SseEventBuilder rebuilt(long position) {
        return reset("the views were rebuilt from the log; reload them", position);
    }

    private static SseEmitter.SseEventBuilder reset(String reason, long position) {
        return SseEmitter.event().id(Long.toString(position)).name("reset")
                .data("{\"reason\":\"" + reason + "\",\"position\":" + position + "}", MediaType.APPLICATION_JSON);
    }
}
