package org.communityledger.command.eventstore;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Axon's JDBC engine, telling event processors each event's own global position. The tracking token cannot:
 * when an event that committed late fills a gap, the token's position is the highest position seen, which
 * belongs to another event. The position is added to the metadata of the tracked message under
 * {@link #POSITION}; nothing is added to what is stored.
 */
class PositionedEventStorageEngine extends JdbcEventStorageEngine {

    /** The metadata key of an event's own global position, in messages read by event processors. */
    static final String POSITION = "ledgerGlobalPosition";

    private final String globalIndexColumn;

    PositionedEventStorageEngine(Builder builder, String globalIndexColumn) {
        super(builder);
        this.globalIndexColumn = globalIndexColumn;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> tracked = super.getTrackedEventData(resultSet, previousToken);
        long position = resultSet.getLong(globalIndexColumn);
        if (tracked instanceof TrackedDomainEventData<?> domain) {
            return new TrackedDomainEventData<>(tracked.trackingToken(), new Positioned<>(domain, position));
        }
        return tracked;
    }

    /** The stored event with its position added to the metadata JSON object. */
    private record Positioned<T>(DomainEventData<T> stored, long position) implements DomainEventData<T> {

        @Override
        @SuppressWarnings("unchecked")
        public SerializedObject<T> getMetaData() {
            SerializedObject<T> metaData = stored.getMetaData();
            if (!(metaData.getData() instanceof byte[] json)) {
                throw new IllegalStateException("event metadata is expected as JSON bytes, not "
                        + metaData.getContentType());
            }
            return new SimpleSerializedObject<>((T) withPosition(json), metaData.getContentType(), metaData.getType());
        }

        private byte[] withPosition(byte[] json) {
            String text = new String(json, StandardCharsets.UTF_8).strip();
            if (!text.startsWith("{")) {
                throw new IllegalStateException("event metadata is not a JSON object");
            }
            String field = "\"" + POSITION + "\":" + position;
            String rest = text.substring(1).strip();
            return ("{" + field + (rest.startsWith("}") ? "" : ",") + rest).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getType() {
            return stored.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return stored.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return stored.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return stored.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return stored.getTimestamp();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return stored.getPayload();
        }
    }
}
