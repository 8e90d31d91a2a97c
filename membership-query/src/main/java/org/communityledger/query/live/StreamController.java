package org.communityledger.query.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream}: server-sent events of every view change. Each event's id is the global position
 * of the change; a browser that reconnects sends it back as {@code Last-Event-ID} and gets what it missed.
 */
@Tag(name = "Live changes", description = "Server-sent events of every change the views apply")
@RestController
class StreamController {

    private final ChangeFeed feed;
    private final LiveProperties properties;

    StreamController(ChangeFeed feed, LiveProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    @Operation(summary = "Stream every change as it is applied; resume with Last-Event-ID")
    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @Parameter(description = "Also send the figures across communities (a stats event, at most "
                              + "once a second while they change): a dashboard needs no other request to stay "
                              + "current") @RequestParam(defaultValue = "false") boolean stats,
                      Principal principal) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        feed.subscribe(emitter, parse(lastEventId), principal.getName(), stats);
        return emitter;
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            // Not one of ours: resume as far back as the log allows, which answers with a reset.
            return -1L;
        }
    }
}
