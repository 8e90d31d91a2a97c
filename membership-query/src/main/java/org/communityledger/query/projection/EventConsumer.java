package org.communityledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * {@link ConsumerConfiguration}).
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
    private final TransactionTemplate transactions;
    private final Counter redelivered;

    EventConsumer(RecordDecoder decoder, CommunityProjector projector, TransactionTemplate transactions,
                  MeterRegistry meters) {
        this.decoder = decoder;
        this.projector = projector;
        this.transactions = transactions;
        this.redelivered = meters.counter(REDELIVERED_RECORDS);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = WireFormat.TOPIC, batch = "true")
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        try {
            List<EventEnvelope> envelopes = records.stream().map(decoder::decode).toList();
            count(transactions.execute(status -> projector.applyAll(envelopes)));
        } catch (RuntimeException batchFailed) {
            for (int index = 0; index < records.size(); index++) {
                ConsumerRecord<String, byte[]> record = records.get(index);
                try {
                    Applied applied = transactions.execute(status -> projector.apply(decoder.decode(record)));
                    count(List.of(applied));
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException(failure.getMessage(), failure, index);
                }
            }
        }
    }

    private void count(List<Applied> results) {
        redelivered.increment(results.stream().filter(Applied.DUPLICATE_SKIPPED::equals).count());
    }
}
