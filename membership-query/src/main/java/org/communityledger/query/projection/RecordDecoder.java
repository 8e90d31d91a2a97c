package org.communityledger.query.projection;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.springframework.stereotype.Component;

/** Reads a Kafka record of the events topic as an event envelope, through the shared wire contract. */
@Component
public class RecordDecoder {

    private final WireFormat wireFormat;

    RecordDecoder(WireFormat wireFormat) {
        this.wireFormat = wireFormat;
    }

    /** @throws org.communityledger.events.wire.UndecodableEventException when the record cannot be read */
    public EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return wireFormat.read(new WireFormat.WireRecord(record.key(), record.value(), headers));
    }
}
