package org.communityledger.command.publishing;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads how far the publisher is behind the event store from PostgreSQL, so that every command instance reports
 * the same figure whichever of them publishes. The publisher's stored token marks what Kafka acknowledged (it is
 * stored only after the batch's sends were acknowledged): the events after its index, and those in its gaps
 * (committed late, below positions already passed), are not published yet.
 */
@Component
class PublisherLagReader {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    PublisherLagReader(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    PublisherLag read() {
        Published published = published();
        return jdbc.sql("""
                        select count(*) as events, min(time_stamp) as oldest from domain_event_entry
                        where global_index > :index
                           or global_index = any(string_to_array(:gaps, ',')::bigint[])""")
                .param("index", published.index())
                .param("gaps", published.gaps().stream().map(String::valueOf).collect(Collectors.joining(",")))
                // Axon writes time stamps in one fixed-width ISO-8601 form, so the smallest text is the oldest.
                .query((row, number) -> new PublisherLag(row.getLong("events"),
                        row.getString("oldest") == null ? null : Instant.parse(row.getString("oldest"))))
                .single();
    }

    /**
     * What the publisher's token says is published: up to the lowest index of its segments (one by default;
     * with several the figure is an upper bound), minus the gaps. No token yet: nothing is.
     */
    private Published published() {
        List<TrackingToken> tokens = jdbc.sql("""
                        select token, token_type from token_entry where processor_name = :processor""")
                .param("processor", KafkaPublisher.PROCESSOR)
                .query((row, number) -> token(row.getBytes("token"), row.getString("token_type")))
                .list();
        long index = tokens.isEmpty() ? -1 : Long.MAX_VALUE;
        SortedSet<Long> gaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            TrackingToken lowerBound = token == null ? null : WrappedToken.unwrapLowerBound(token);
            index = Math.min(index, lowerBound == null ? -1 : lowerBound.position().orElse(-1));
            if (lowerBound instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps());
            }
        }
        return new Published(index, gaps.headSet(index + 1));
    }

    private TrackingToken token(byte[] token, String type) {
        if (token == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    private record Published(long index, SortedSet<Long> gaps) {
    }
}
