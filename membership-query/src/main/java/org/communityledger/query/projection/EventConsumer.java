package org.communityledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the event topic in batches and applies each batch in one transaction, so that catching up on a
 * backlog costs one commit per batch, not per event. Offsets are committed only after that transaction,
 * so a crash redelivers, and the projector skips what it has seen.
 *
 * <p>When anything in a batch fails, the batch is applied again one record per transaction: the records
 * before the failing one are kept, and the failing one is retried or parked on its own (see
 * {@link ConsumerConfiguration}). After a commit that gave a quarantined community the event it waited for,
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
    private final TransactionTemplate transactions;
    private final Counter redelivered;

    EventConsumer(RecordDecoder decoder, CommunityProjector projector, HeldEvents heldEvents,
                  TransactionTemplate transactions, MeterRegistry meters) {
        this.decoder = decoder;
        this.projector = projector;
        this.heldEvents = heldEvents;
        this.transactions = transactions;
        this.redelivered = meters.counter(REDELIVERED_RECORDS);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = WireFormat.TOPIC, batch = "true")
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        Set<CommunityId> healed = new LinkedHashSet<>();
        try {
            List<EventEnvelope> envelopes = records.stream().map(decoder::decode).toList();
            count(envelopes, transactions.execute(status -> projector.applyAll(envelopes)), healed);
        } catch (RuntimeException batchFailed) {
            for (int index = 0; index < records.size(); index++) {
                ConsumerRecord<String, byte[]> record = records.get(index);
                try {
                    EventEnvelope envelope = decoder.decode(record);
                    Applied applied = transactions.execute(status -> projector.apply(envelope));
                    count(List.of(envelope), List.of(applied), healed);
                } catch (RuntimeException failure) {
                    releaseAll(healed);
                    throw new BatchListenerFailedException(failure.getMessage(), failure, index);
                }
            }
        }
        releaseAll(healed);
    }

    private void count(List<EventEnvelope> envelopes, List<Applied> results, Set<CommunityId> healed) {
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
