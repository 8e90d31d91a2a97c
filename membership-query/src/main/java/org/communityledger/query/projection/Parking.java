package org.communityledger.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.communityledger.events.value.CommunityId;
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
     * Records parked, tagged {@code reason=unreadable} (this side cannot read it), {@code forged} (read, but not
     * signed by the ledger's key) or {@code not-applicable} (read, but failed every attempt). Prometheus: ledger_projection_records_parked_total.
     */
    static final String PARKED_RECORDS = "ledger.projection.records.parked";
    static final String UNREADABLE = "unreadable";
    static final String NOT_APPLICABLE = "not-applicable";
    static final String FORGED = "forged";
    static final String FORK = "fork";
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
        if (Failures.isTransient(failure)) {
            // As the container's last resort: a record is never parked for the database's condition.
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
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
        String reason = describe(unreadable != null ? unreadable : Failures.rootCause(failure));
        DeadLetterStore.Parked parked = new DeadLetterStore.Parked(kind(unreadable, failure), reason, envelope == null ? communityIdOrNull(record.key()) : envelope.communityId().value(),
                envelope == null ? null : envelope.sequence(), envelope == null ? null : envelope.position(),
                record.topic(), record.partition(), record.offset(), RecordDecoder.wireRecord(record));
        deadLetterTopic.accept(record, failure);
        EventEnvelope readable = envelope;
        record(parked, () -> {
            deadLetters.add(parked);
            if (readable != null && FORK.equals(parked.reasonKind())) {
                quarantineFork(readable);
            } else if (readable != null) {
                quarantine(readable);
            }
        });
        report(parked, record.topic() + "-" + record.partition() + "@" + record.offset(),
                envelope == null ? null : envelope.correlationId());
    }

    private static String kind(UndecodableEventException unreadable, Exception failure) {
        if (unreadable instanceof ForgedRecordException) {
            return FORGED;
        }
        if (unreadable != null) {
            return UNREADABLE;
        }
        return Failures.causeOfType(failure, ForkedHistoryException.class) != null ? FORK : NOT_APPLICABLE;
    }

    /** A held event that failed when its turn came: it leaves the held events, and its community waits for it. */
    void parkHeld(HeldEvents.Held held, Exception failure) {
        boolean unreadable = Failures.causeOfType(failure, UndecodableEventException.class) != null;
        DeadLetterStore.Parked parked = new DeadLetterStore.Parked(unreadable ? UNREADABLE : NOT_APPLICABLE,
                describe(Failures.rootCause(failure)), held.communityId().value(), held.version(), held.position(),
                null, null, null, held.record());
        boolean[] mine = new boolean[1];
        record(parked, () -> {
            lockViewsOf(held.communityId().value());
            // Whoever removes the held row parks it: releases running at once on several instances park it once.
            mine[0] = jdbc.sql("delete from held_event where community_id = :community and version = :version")
                    .param("community", held.communityId().value()).param("version", held.version()).update() == 1;
            if (mine[0]) {
                deadLetters.add(parked);
            }
        });
        if (mine[0]) {
            deadLetterTopic.accept(consumerRecord(held.record()), failure);
            report(parked, "held event " + held.communityId() + " v" + held.version(), null);
        }
    }

    /**
     * The failed event's community waits for it, unless it has moved past it meanwhile (another instance, or
     * a replay, applied it): the row is written under the same fence and community lock as the projector's
     * writes, and only while the event is still the community's next version.
     */
    private void quarantine(EventEnvelope envelope) {
        lockViewsOf(envelope.communityId().value());
        jdbc.sql("""
                        insert into quarantine (community_id, missing_version, reason)
                        select :community, :version, :reason
                        where coalesce((select version from community where community_id = :community), 0) + 1
                              = :version
                        on conflict (community_id) do nothing""")
                .param("community", envelope.communityId().value())
                .param("version", envelope.sequence())
                // Only what an operator may show anyone: the failure itself is in the dead letter (ADMIN's).
                .param("reason", "version " + envelope.sequence() + " could not be applied (see the dead letters)")
                .update();
    }

    /**
     * Two histories of one community: it is quarantined whatever its version (its view says stale, health is
     * DEGRADED) until its next event is applied; the dead letter, kind {@code fork}, stays for an operator.
     */
    private void quarantineFork(EventEnvelope envelope) {
        lockViewsOf(envelope.communityId().value());
        jdbc.sql("""
                        insert into quarantine (community_id, missing_version, reason)
                        select :community, coalesce((select version from community where community_id = :community), 0) + 1,
                               :reason
                        on conflict (community_id) do update set reason = excluded.reason""")
                .param("community", envelope.communityId().value())
                .param("reason", "a record of version " + envelope.sequence() + " contradicts the applied history "
                        + "(a fork; see the dead letters)")
                .update();
    }

    private void lockViewsOf(String communityId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(:fence), pg_advisory_xact_lock(hashtextextended(:community, 0))")
                .param("fence", ViewsFence.KEY).param("community", communityId).query(rs -> {
                });
    }

    /**
     * Records a dead letter; when that fails for a reason of the record's own (a value the table cannot hold),
     * the record is still in the dead-letter topic, which is said loudly, and the partition goes on.
     */
    private void record(DeadLetterStore.Parked parked, Runnable writes) {
        try {
            transactions.executeWithoutResult(status -> writes.run());
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                throw failure;
            }
            log.error("Could not record the dead letter of community {} version {} (it is in {}): {}",
                    parked.communityId(), parked.version(), WireFormat.DEAD_LETTER_TOPIC,
                    describe(Failures.rootCause(failure)));
        }
    }

    /** A failure's message, or its type when it has none (a fast-thrown NullPointerException has none). */
    static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    /** The key when it is a community id; anything else written to the topic names no community. */
    private static String communityIdOrNull(String key) {
        try {
            return key == null ? null : CommunityId.of(key).value();
        } catch (RuntimeException notACommunity) {
            return null;
        }
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
