package org.communityledger.client.deadletter;

import java.util.List;
import org.communityledger.client.Items;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The records the query service's projection parked instead of applying, and their repair: replay once the
 * cause is fixed, or discard with a reason. For the role ADMIN.
 */
@HttpExchange(url = "/api/admin/dead-letters", accept = {"application/json", "application/problem+json"})
public interface DeadLetterApi {

    /** The most dead letters one list answers. */
    int MAX_LIMIT = 1000;

    /**
     * Dead letters, newest first.
     *
     * @param status      PARKED, REPLAYED or DISCARDED; null for all
     * @param communityId one community's; null for every community's
     * @param limit       at most this many, up to {@link #MAX_LIMIT}; null for the service's default (200)
     */
    @GetExchange
    Items<DeadLetter> list(@RequestParam(name = "status", required = false) String status,
                           @RequestParam(name = "communityId", required = false) String communityId,
                           @RequestParam(name = "limit", required = false) Integer limit);

    /** The dead letters still waiting for a replay or a discard, up to {@link #MAX_LIMIT}. */
    default List<DeadLetter> parked() {
        return list(DeadLetter.PARKED, null, MAX_LIMIT).items();
    }

    /** One dead letter; a 404 problem when there is none with that id. */
    @GetExchange("/{id}")
    DeadLetter deadLetter(@PathVariable("id") long id);

    /** Applies one parked record again; a 409 problem when it still cannot be applied. */
    @PostExchange("/{id}/replay")
    Replayed replay(@PathVariable("id") long id);

    /** Applies every parked record again, or one community's; what could not be applied is listed, not thrown. */
    @PostExchange(url = "/replay", contentType = "application/json")
    Replays replay(@RequestBody ReplaySelection selection);

    /** Gives up on a parked record, with the reason recorded beside it; answers the dead letter as it now is. */
    @PostExchange(url = "/{id}/discard", contentType = "application/json")
    DeadLetter discard(@PathVariable("id") long id, @RequestBody Discard discard);
}
