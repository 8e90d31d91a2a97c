package org.communityledger.query.projection;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final WireFormat wireFormat;
    private final CommunityProjector projector;

    EventConsumer(WireFormat wireFormat, CommunityProjector projector) {
        this.wireFormat = wireFormat;
        this.projector = projector;
    }

    @KafkaListener(id = "community-projector", idIsGroup = false, topics = WireFormat.TOPIC)
    void consume(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = wireFormat.read(new WireFormat.WireRecord(record.key(), record.value(),
                headersOf(record)));
        Applied applied = projector.apply(envelope);
        if (applied == Applied.DUPLICATE_SKIPPED) {
            log.debug("Skipped event {} of community {}: already applied", envelope.sequence(), envelope.communityId());
        }
    }

    private static Map<String, String> headersOf(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
