package org.communityledger.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the event topic and hands each event to the projector. Offsets are committed only after the
 * projector's transaction has committed, so a crash redelivers, and the projector skips what it has seen.
 */
@Component
class EventConsumer {

    static final String LISTENER_ID = "community-projector";
    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final RecordDecoder decoder;
    private final CommunityProjector projector;

    EventConsumer(RecordDecoder decoder, CommunityProjector projector) {
        this.decoder = decoder;
        this.projector = projector;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = WireFormat.TOPIC)
    void consume(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = decoder.decode(record);
        Applied applied = projector.apply(envelope);
        if (applied == Applied.DUPLICATE_SKIPPED) {
            log.debug("Skipped event {} of community {}: already applied", envelope.sequence(), envelope.communityId());
        }
    }
}
