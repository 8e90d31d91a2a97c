package org.communityledger.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.UndecodableEventException;
import org.communityledger.events.wire.WireFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.communityledger.platform.correlation.CorrelationId;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parks a record that can never be applied as it is: in the dead-letter topic with the reason in its headers
 * (for tools that read Kafka), as a dead letter an operator can list, replay or discard, and, when the record
 * could be read, by quarantining its community, whose later events are then held in order instead of
 * stopping the partition. Every parked record is logged as an error and counted.
 */
@Component
public class Parking {

    /**
     * Records parked, tagged {@code reason=unreadable} (this side cannot read it) or {@code not-applicable}
     * (read, but failed every attempt). Prometheus: ledger_projection_records_parked_total.
     */
    static final String PARKED_RECORDS = "ledger.projection.records.parked";
    static final String UNREADABLE = "unreadable";
    static final String NOT_APPLICABLE = "not-applicable";
    private static final Logger log = LoggerFactory.getLogger(Parking.class);

    private final DeadLetterPublishingRecoverer deadLetterTopic;
    private final DeadLetterStore deadLetters;
    private final RecordDecoder decoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    Parking(KafkaTemplate<String, byte[]> kafkaTemplate, DeadLetterStore deadLetters, RecordDecoder decoder,
            JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.deadLetterTopic = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, failure) -> new TopicPartition(WireFormat.DEAD_LETTER_TOPIC, -1));
        this.deadLetters = deadLetters;
        this.decoder = decoder;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** A record from the topic that failed every attempt, or that cannot be read at all. */
    @SuppressWarnings("unchecked") // the events topic is read with String keys and byte[] values
    void park(ConsumerRecord<?, ?> failed, Exception failure) {
        ConsumerRecord<String, byte[]> record = (ConsumerRecord<String, byte[]>) failed;
        UndecodableEventException unreadable = Failures.causeOfType(failure, UndecodableEventException.class);
        EventEnvelope envelope = null;
        if (unreadable == null) {
            try {
                envelope = decoder.decode(record);
            } catch (UndecodableEventException e) {
                unreadable = e;
            }
        }
        String reason = (unreadable != null ? unreadable : Failures.rootCause(failure)).getMessage();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        park(record, failure, envelope, reason, new DeadLetterStore.Parked(unreadable != null ? UNREADABLE
                : NOT_APPLICABLE, reason, envelope == null ? record.key() : envelope.communityId().value(),
                envelope == null ? null : envelope.sequence(), envelope == null ? null : envelope.position(),
                record.topic(), record.partition(), record.offset(), RecordDecoder.wireRecord(record)), where);
    }

    /** A held event that failed when its turn came: it leaves the held events, and its community waits for it. */
    void parkHeld(HeldEvents.Held held, Exception failure) {
        boolean unreadable = Failures.causeOfType(failure, UndecodableEventException.class) != null;
        String reason = Failures.rootCause(failure).getMessage();
        ConsumerRecord<String, byte[]> record = consumerRecord(held.record());
        DeadLetterStore.Parked parked = new DeadLetterStore.Parked(unreadable ? UNREADABLE : NOT_APPLICABLE, reason,
                held.communityId().value(), held.version(), held.position(), null, null, null, held.record());
        deadLetterTopic.accept(record, failure);
        transactions.executeWithoutResult(status -> {
            deadLetters.add(parked);
            jdbc.sql("delete from held_event where community_id = :community and version = :version")
                    .param("community", held.communityId().value()).param("version", held.version()).update();
        });
        report(parked, "held event " + held.communityId() + " v" + held.version(), null);
    }

    private void park(ConsumerRecord<String, byte[]> record, Exception failure, EventEnvelope envelope, String reason,
                      DeadLetterStore.Parked parked, String where) {
        deadLetterTopic.accept(record, failure);
        transactions.executeWithoutResult(status -> {
            deadLetters.add(parked);
            if (envelope != null) {
                // The failed event is the community's next version (an earlier one would be skipped as seen, a
                // later one held): the community now waits for it.
                jdbc.sql("""
                                insert into quarantine (community_id, missing_version, reason)
                                values (:community, :version, :reason) on conflict (community_id) do nothing""")
                        .param("community", envelope.communityId().value())
                        .param("version", envelope.sequence())
                        .param("reason", "version " + envelope.sequence() + " parked: " + reason)
                        .update();
            }
        });
        report(parked, where, envelope == null ? null : envelope.correlationId());
    }

    private void report(DeadLetterStore.Parked parked, String where, String correlationId) {
        try (MDC.MDCCloseable ignored = correlationId == null ? null : MDC.putCloseable(CorrelationId.MDC_KEY, correlationId)) {
            log.error("Parked record {} (community {}, version {}) in {} and the dead letters: {}", where,
                    parked.communityId(), parked.version(), WireFormat.DEAD_LETTER_TOPIC, parked.reason());
        }
        meters.counter(PARKED_RECORDS, "reason", parked.reasonKind()).increment();
    }

    /** A held event as a record of the events topic, for the dead-letter topic's publisher. */
    private static ConsumerRecord<String, byte[]> consumerRecord(WireFormat.WireRecord held) {
        RecordHeaders headers = new RecordHeaders();
        held.headers().forEach((key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(WireFormat.TOPIC, -1, -1L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, held.key(), held.value(), headers,
                java.util.Optional.empty());
    }
}
