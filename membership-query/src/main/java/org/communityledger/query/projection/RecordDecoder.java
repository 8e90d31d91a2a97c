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

/** Reads a Kafka record of the events topic as an event envelope, through the shared wire contract, once its signature holds. */
@Component
public class RecordDecoder {

    private final WireFormat wireFormat;
    private final RecordSignatures signatures;

    RecordDecoder(WireFormat wireFormat, RecordSignatures signatures) {
        this.wireFormat = wireFormat;
        this.signatures = signatures;
    }

    /**
     * Reads the record, then checks who signed it: a record this side cannot read stays {@code unreadable}
     * whoever sent it, one it can read but the ledger did not sign is forged.
     *
     * @throws org.communityledger.events.wire.UndecodableEventException when the record cannot be read
     * @throws ForgedRecordException when it is not signed by the ledger's key
     */
    public EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        WireFormat.WireRecord wire = wireRecord(record);
        EventEnvelope envelope = wireFormat.read(wire);
        signatures.check(wire);
        return envelope;
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
