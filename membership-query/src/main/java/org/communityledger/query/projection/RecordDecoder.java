package org.communityledger.query.projection;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.platform.correlation.CorrelationId;
import org.slf4j.MDC;
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
        return wireFormat.read(wireRecord(record));
    }

    /**
     * Puts the correlation id the record carries (the command's, from its Kafka header) into the log context,
     * so that what is logged about the record can be followed back to the request; null when it has none.
     */
    static MDC.MDCCloseable correlationInto(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.CORRELATION_ID);
        return header == null || header.value() == null ? null
                : MDC.putCloseable(CorrelationId.MDC_KEY, new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The record's key, value and headers (as text), free of Kafka's types. */
    static WireFormat.WireRecord wireRecord(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return new WireFormat.WireRecord(record.key(), record.value(), headers);
    }
}
