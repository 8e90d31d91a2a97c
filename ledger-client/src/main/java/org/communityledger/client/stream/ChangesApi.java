package org.communityledger.client.stream;

import java.util.List;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The newest changes the views applied, to show before the stream brings what comes next; for readers. */
@HttpExchange(url = "/api/changes", accept = {"application/json", "application/problem+json"})
public interface ChangesApi {

    /**
     * At most {@code limit} (1 to 200) changes, newest first; a stream opened with the first one's position as
     * {@code Last-Event-ID} goes on from there without a gap.
     */
    @GetExchange
    List<Change> newest(@RequestParam("limit") int limit);
}
