package org.communityledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.UndecodableEventException;
import org.communityledger.events.wire.WireFormat;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the event topic in batches and applies each batch in one transaction, so that catching up on a
 * backlog costs one commit per batch, not per event. Offsets are committed only after that transaction,
 * so a crash redelivers, and the projector skips what it has seen.
 *
 * <p>When anything in a batch fails, the batch is applied again one record per transaction: a record that
 * fails for a reason of its own is retried, then parked, and the others go on; a transient failure is left to
 * the container's error handler (see {@link ConsumerConfiguration}), which retries from that record. After a commit that gave a quarantined community the event it waited for,
 * its held events follow ({@link HeldEvents}).
 */
@Component
class EventConsumer {

    static final String LISTENER_ID = "community-projector";

    /**
     * Records skipped because their event was already applied: redelivered after a crash between the views'
     * commit and the offset commit, or after a rebalance. Prometheus: ledger_projection_records_redelivered_total.
     */
    static final String REDELIVERED_RECORDS = "ledger.projection.records.redelivered";

    private final RecordDecoder decoder;
    private final CommunityProjector projector;
    private final HeldEvents heldEvents;
    private final Parking parking;
    private final DeadLetterStore deadLetters;
    private final ProjectionProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Counter redelivered;
    private final QuarantineWatch quarantine;

    EventConsumer(RecordDecoder decoder, CommunityProjector projector, HeldEvents heldEvents, Parking parking,
                  DeadLetterStore deadLetters, ProjectionProperties properties, TransactionTemplate transactions,
                  ApplicationEventPublisher events, MeterRegistry meters, QuarantineWatch quarantine) {
        this.quarantine = quarantine;
        this.decoder = decoder;
        this.projector = projector;
        this.heldEvents = heldEvents;
        this.parking = parking;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.redelivered = meters.counter(REDELIVERED_RECORDS);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = WireFormat.TOPIC, batch = "true")
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        quarantine.recordsArrived();
        Set<CommunityId> healed = new LinkedHashSet<>();
        try {
            List<EventEnvelope> envelopes = records.stream().map(decoder::decode).toList();
            count(envelopes, transactions.execute(status -> projector.applyAll(envelopes)), healed);
        } catch (RuntimeException batchFailed) {
            for (int index = 0; index < records.size(); index++) {
                try {
                    applyOrPark(records.get(index), healed);
                } catch (RuntimeException transientFailure) {
                    releaseAll(healed);
                    throw new BatchListenerFailedException(transientFailure.getMessage(), transientFailure, index);
                }
            }
        }
        releaseAll(healed);
    }

    /**
     * One record in a transaction of its own. A failure of the record's own is retried here and then parked,
     * and the records after it go on; only a transient failure leaves this method, for the container's error
     * handler to wait out. The attempts are counted here, not by the container: it forgets a record's
     * attempts whenever a batch of other partitions succeeds in between, and such a record would then be
     * retried for ever instead of parked.
     */
    private void applyOrPark(ConsumerRecord<String, byte[]> record, Set<CommunityId> healed) {
        EventEnvelope envelope;
        try {
            envelope = decoder.decode(record);
        } catch (UndecodableEventException unreadable) {
            parking.park(record, unreadable);
            return;
        }
        for (long attempt = 0; ; attempt++) {
            try {
                Applied applied = transactions.execute(status -> projector.apply(envelope));
                count(List.of(envelope), List.of(applied), healed);
                return;
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    throw failure;
                }
                if (attempt == 0 && deadLetters.contains(record.topic(), record.partition(), record.offset())) {
                    // Parked before, by an instance whose offset commit was lost in a rebalance: not retried again,
                    // or a long batch of such records would outlast the poll interval on every instance in turn.
                    parking.park(record, failure);
                    return;
                }
                if (attempt >= properties.retries()) {
                    parking.park(record, failure);
                    return;
                }
                pause(properties.retryInterval());
            }
        }
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a record", e);
        }
    }

    /** Called once the transaction that applied {@code envelopes} committed. */
    private void count(List<EventEnvelope> envelopes, List<Applied> results, Set<CommunityId> healed) {
        // Read-your-writes waiters of this instance go on now, without asking the database (FreshnessGate).
        events.publishEvent(new ViewsChanged(IntStream.range(0, results.size())
                .filter(index -> results.get(index).changedViews())
                .mapToLong(index -> envelopes.get(index).position()).toArray()));
        for (int index = 0; index < results.size(); index++) {
            if (results.get(index) == Applied.DUPLICATE_SKIPPED) {
                redelivered.increment();
            } else if (results.get(index) == Applied.HEALED) {
                healed.add(envelopes.get(index).communityId());
            }
        }
    }

    private void releaseAll(Set<CommunityId> healed) {
        healed.forEach(heldEvents::release);
        healed.clear();
    }
}
