package org.communityledger.command.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.communityledger.command.dispatch.CommandMetadata;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.proofs.chain.ChainedEvent;
import org.communityledger.proofs.chain.HashVersion;

/**
 * Appends a command's events sealed under chain hash v2, in the transaction that stores them.
 *
 * <p>v2 covers the event's global position, which is only known once the store hands one out: so the seal is
 * made here, at the append, not when the aggregate applies the event. One round trip takes the positions
 * ({@code nextval} of the store's own identity sequence) and the hash of each community's previous event
 * (by version, so the link is to exactly the event the aggregate was loaded from); a second inserts the
 * events with those positions. A concurrent append to the same community still loses on the store's unique
 * (community, version) key, so a chain never forks.
 *
 * <p>Before taking positions the transaction takes the {@linkplain TransparencyFence settling fence} in shared
 * mode and holds it to its end: a position is then either committed or abandoned by the time the transparency
 * log's sealer, taking the fence exclusively, decides which holes are final.
 */
public final class SealingAppend implements AppendEventsStatementBuilder {

    /** The sequence behind the event table's global index, looked up once (the schema exists by then). */
    private volatile String positionSequence;

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        List<DomainEventMessage<?>> domainEvents = events.stream().<DomainEventMessage<?>>map(SealingAppend::asDomainEvent).toList();
        Reservation reservation = reserve(connection, schema, domainEvents);
        PreparedStatement statement = connection.prepareStatement("insert into " + schema.domainEventTable() + " ("
                + String.join(", ", schema.globalIndexColumn(), schema.eventIdentifierColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.typeColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn())
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Map<String, String> heads = new HashMap<>(reservation.previousHashes());
        for (int i = 0; i < domainEvents.size(); i++) {
            DomainEventMessage<?> event = domainEvents.get(i);
            long position = reservation.positions().get(i);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            String prevHash = heads.get(event.getAggregateIdentifier());
            String hash = ChainHash.v2(new ChainedEvent(HashVersion.V2, event.getIdentifier(),
                    event.getAggregateIdentifier(), event.getSequenceNumber() + 1, position,
                    payload.getType().getName(), payload.getType().getRevision(),
                    DateTimeUtils.formatInstant(event.getTimestamp()),
                    text(event, CommandMetadata.PRINCIPAL), text(event, CommandMetadata.CORRELATION_ID),
                    optionalText(event, CommandMetadata.IDEMPOTENCY_KEY), prevHash, bytes(payload)));
            heads.put(event.getAggregateIdentifier(), hash);
            SerializedObject<?> metaData = serializer.serialize(event.getMetaData().mergedWith(Map.of(
                    LedgerMetadata.HASH_VERSION, HashVersion.V2.tag(),
                    LedgerMetadata.PREV_HASH, prevHash,
                    LedgerMetadata.HASH, hash)), dataType);
            statement.setLong(1, position);
            statement.setString(2, event.getIdentifier());
            statement.setString(3, event.getAggregateIdentifier());
            statement.setLong(4, event.getSequenceNumber());
            statement.setString(5, event.getType());
            timestampWriter.writeTimestamp(statement, 6, event.getTimestamp());
            statement.setString(7, payload.getType().getName());
            statement.setString(8, payload.getType().getRevision());
            statement.setObject(9, payload.getData());
            statement.setObject(10, metaData.getData());
            statement.addBatch();
        }
        return statement;
    }

    /**
     * The fence, one position per event, and the hash of the event before the first one of each community in
     * this append (GENESIS for a community's first event), in one round trip.
     */
    private Reservation reserve(Connection connection, EventSchema schema, List<DomainEventMessage<?>> events)
            throws SQLException {
        Map<String, Long> firstSequence = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            firstSequence.putIfAbsent(event.getAggregateIdentifier(), event.getSequenceNumber());
        }
        String[] communities = firstSequence.keySet().toArray(String[]::new);
        Long[] previousSequences = firstSequence.values().stream().map(sequence -> sequence - 1).toArray(Long[]::new);
        String sql = """
                select array(select nextval(cast(? as regclass)) from generate_series(1, ?)) as positions,
                       array(select previous.hash
                             from unnest(cast(? as text[]), cast(? as bigint[])) with ordinality as wanted(id, seq, n)
                             left join lateral (
                                 select convert_from(e.%s, 'UTF8')::jsonb ->> 'hash' as hash from %s e
                                 where e.%s = wanted.id and e.%s = wanted.seq) as previous on true
                             order by wanted.n) as previous_hashes
                from (select pg_advisory_xact_lock_shared(?)) as fence""".formatted(schema.metaDataColumn(),
                schema.domainEventTable(), schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf("text", communities);
            Array sequences = connection.createArrayOf("bigint", previousSequences);
            statement.setString(1, positionSequence(connection, schema));
            statement.setInt(2, events.size());
            statement.setArray(3, ids);
            statement.setArray(4, sequences);
            statement.setLong(5, TransparencyFence.LOCK_KEY);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                List<Long> positions = new ArrayList<>();
                for (Long position : (Long[]) row.getArray("positions").getArray()) {
                    positions.add(position);
                }
                String[] hashes = (String[]) row.getArray("previous_hashes").getArray();
                Map<String, String> previous = new HashMap<>();
                for (int i = 0; i < communities.length; i++) {
                    previous.put(communities[i], previousHash(communities[i], previousSequences[i], hashes[i]));
                }
                return new Reservation(positions, previous);
            }
        }
    }

    private String positionSequence(Connection connection, EventSchema schema) throws SQLException {
        if (positionSequence == null) {
            try (PreparedStatement statement = connection.prepareStatement("select pg_get_serial_sequence(?, ?)")) {
                statement.setString(1, schema.domainEventTable());
                statement.setString(2, schema.globalIndexColumn());
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    positionSequence = row.getString(1);
                }
            }
        }
        return positionSequence;
    }

    private static String previousHash(String communityId, long previousSequence, String storedHash) {
        if (previousSequence < 0) {
            return ChainHash.GENESIS;
        }
        if (storedHash == null) {
            // The aggregate was loaded from this event, so it is stored: a missing seal is a damaged store.
            throw new IllegalStateException("community " + communityId + " has no sealed event at version "
                    + (previousSequence + 1) + " to chain from");
        }
        return storedHash;
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        if (value == null) {
            throw new IllegalStateException("event " + event.getIdentifier() + " carries no " + key
                    + ": every event is caused by a command that names it");
        }
        return value.toString();
    }

    private static String optionalText(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private static byte[] bytes(SerializedObject<?> payload) {
        if (payload.getData() instanceof byte[] bytes) {
            return bytes;
        }
        throw new IllegalStateException("payloads are stored as bytes, not " + payload.getContentType());
    }

    /** What Axon's own append does with an event that belongs to no aggregate: it becomes its own. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private record Reservation(List<Long> positions, Map<String, String> previousHashes) {
    }
}
