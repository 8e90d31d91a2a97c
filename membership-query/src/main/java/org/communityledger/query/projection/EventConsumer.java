package org.communityledger.query.projection;

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

    private final RecordDecoder decoder;
    private final CommunityProjector projector;
    private final TransactionTemplate transactions;

    EventConsumer(RecordDecoder decoder, CommunityProjector projector, TransactionTemplate transactions) {
        this.decoder = decoder;
        this.projector = projector;
        this.transactions = transactions;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = WireFormat.TOPIC, batch = "true")
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        try {
            List<EventEnvelope> envelopes = records.stream().map(decoder::decode).toList();
            transactions.executeWithoutResult(status -> projector.applyAll(envelopes));
        } catch (RuntimeException batchFailed) {
            for (int index = 0; index < records.size(); index++) {
                ConsumerRecord<String, byte[]> record = records.get(index);
                try {
                    transactions.executeWithoutResult(status -> projector.apply(decoder.decode(record)));
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException(failure.getMessage(), failure, index);
                }
            }
        }
    }
}
