package org.communityledger.client.stream;

import java.io.InputStream;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The live changes of the query service's views as server-sent events; for VIEWER, AUDITOR and ADMIN. Read the
 * stream with {@link ServerSentEvents}, or follow it across lost connections with {@link ResumingStream}.
 */
@HttpExchange(url = "/api/stream", accept = {"text/event-stream", "application/problem+json"})
public interface StreamApi {

    /**
     * Opens the stream; it lasts until either side closes it, so no response timeout applies. The caller must
     * close it. Too many open streams is a 429 problem.
     *
     * @param lastEventId the id of the last event seen on an earlier connection: the service sends what
     *                    followed it (or a {@code reset} event when that is no longer kept); null for now on
     */
    default InputStream open(String lastEventId) {
        return open(lastEventId, false);
    }

    /**
     * {@link #open(String)}, and with {@code stats} the figures across communities too: a {@code stats} event
     * (the answer of the statistics) whenever changes moved them, at most once a second.
     */
    @GetExchange
    InputStream open(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                     @RequestParam("stats") boolean stats);
}
