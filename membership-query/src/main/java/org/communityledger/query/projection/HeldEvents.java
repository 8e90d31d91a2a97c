package org.communityledger.query.projection;

import java.util.Map;
import java.util.Optional;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events a quarantined community holds back, released in version order once the event it waited for has
 * been applied. Each released event is applied in a transaction of its own, so that one that fails parks
 * alone: the community stays quarantined, now waiting for that event, and the events before it stay applied.
 */
@Component
public class HeldEvents {

    private static final Logger log = LoggerFactory.getLogger(HeldEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CommunityProjector projector;
    private final WireFormat wireFormat;
    private final Parking parking;
    private final TransactionTemplate transactions;

    HeldEvents(JdbcClient jdbc, CommunityProjector projector, WireFormat wireFormat, Parking parking,
               TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.projector = projector;
        this.wireFormat = wireFormat;
        this.parking = parking;
        this.transactions = transactions;
    }

    static String headersAsJson(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    static Map<String, String> headersFromJson(String json) {
        return JSON.readValue(json, HEADERS);
    }

    /**
     * Applies the community's held events for as long as the next one is the version it waits for. Answers
     * how many were applied. A transient failure stops the release, to be tried again by the next sweep
     * ({@link QuarantineWatch}); an event that can never be applied is parked.
     */
    public int release(CommunityId communityId) {
        int[] released = new int[1];
        try {
            releaseInOrder(communityId, released);
        } catch (RuntimeException failure) {
            // The next sweep tries again; the caller (the consumer, the watch, a replay) goes on.
            log.warn("Releasing the held events of community {} stopped after {}: {}", communityId, released[0],
                    Parking.describe(Failures.rootCause(failure)));
        }
        return released[0];
    }

    private void releaseInOrder(CommunityId communityId, int[] released) {
        while (true) {
            Optional<Held> next = nextHeld(communityId);
            if (next.isEmpty()) {
                return;
            }
            Held held = next.get();
            EventEnvelope envelope;
            try {
                envelope = wireFormat.read(held.record());
            } catch (RuntimeException unreadable) {
                parking.parkHeld(held, unreadable);
                return;
            }
            try {
                Applied applied = transactions.execute(status -> projector.apply(envelope));
                if (applied == Applied.HELD) {
                    // It is still ahead of the community's version: the one before it is missing.
                    return;
                }
                if (applied == Applied.DUPLICATE_SKIPPED) {
                    forget(held);
                } else {
                    released[0]++;
                }
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    log.warn("Releasing the held events of community {} stopped at version {} for now: {}",
                            communityId, held.version(), Failures.rootCause(failure).getMessage());
                } else {
                    parking.parkHeld(held, failure);
                }
                return;
            }
        }
    }

    /**
     * The same release inside the caller's transaction, for the rebuild, which applies a batch at a time in
     * its own schema: a failure fails the caller's transaction.
     */
    public void releaseInThisTransaction(CommunityId communityId) {
        while (true) {
            Optional<Held> next = nextHeld(communityId);
            if (next.isEmpty()) {
                return;
            }
            Applied applied = projector.apply(wireFormat.read(next.get().record()));
            if (applied == Applied.HELD) {
                return;
            }
            if (applied == Applied.DUPLICATE_SKIPPED) {
                forget(next.get());
            }
        }
    }

    /** A held event that had been applied already (nothing else removes it): it is dropped. */
    private void forget(Held held) {
        jdbc.sql("delete from held_event where community_id = :community and version = :version")
                .param("community", held.communityId().value())
                .param("version", held.version())
                .update();
    }

    /** The lowest held version of the community, when it is the one the community waits for (or older). */
    private Optional<Held> nextHeld(CommunityId communityId) {
        return jdbc.sql("""
                        select h.version, h.position, h.record_key, h.record_value, h.headers::text
                        from held_event h
                        join quarantine q on q.community_id = h.community_id and h.version <= q.missing_version
                        where h.community_id = :community
                        order by h.version
                        limit 1""")
                .param("community", communityId.value())
                .query((rs, row) -> new Held(communityId, rs.getLong(1), rs.getLong(2),
                        new WireFormat.WireRecord(rs.getString(3), rs.getBytes(4),
                                headersFromJson(rs.getString(5)))))
                .optional();
    }

    /** A held event as stored: the record it came in, and where it stands in its community's order. */
    record Held(CommunityId communityId, long version, long position, WireFormat.WireRecord record) {
    }
}
