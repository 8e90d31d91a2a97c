package org.communityledger.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.RecordSignature;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.proofs.batch.BatchSignature;
import org.communityledger.proofs.batch.BatchSigner;
import org.communityledger.proofs.note.NoteSigner;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Writes events to the topic as the command side's publisher would, with increasing global positions. */
final class TopicWriter implements AutoCloseable {

    static final LocalDate CONFERENCE_DAY = LocalDate.of(2025, 10, 19);
    /** Shared by every test of a context, so positions never repeat within one change log. */
    private static final AtomicLong POSITIONS = new AtomicLong(1_000_000);

    private final KafkaProducer<String, byte[]> producer;
    private final WireFormat wire = new WireFormat(new EventCodec());

    TopicWriter(EmbeddedKafkaBroker broker) {
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** An envelope with a position unique across the test suite. */
    static EventEnvelope envelope(CommunityId community, long sequence, CommunityEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), community, sequence, POSITIONS.incrementAndGet(),
                Instant.now(), "test", event);
    }

    /** The same, carrying its chain hash and the one it links to. */
    static EventEnvelope envelope(CommunityId community, long sequence, CommunityEvent event, String hash,
                                  String prevHash) {
        return new EventEnvelope(UUID.randomUUID().toString(), community, sequence, POSITIONS.incrementAndGet(),
                Instant.now(), "test", event, hash, prevHash);
    }

    void send(EventEnvelope envelope) {
        WireFormat.WireRecord record = wire.write(envelope);
        send(record, headers(record));
    }

    /**
     * Sends the envelope signed as the publisher signs, by this key; {@code afterSigning} may then change the
     * value (a record altered on its way).
     */
    void sendSigned(EventEnvelope envelope, NoteSigner key, UnaryOperator<byte[]> afterSigning) {
        WireFormat.WireRecord record = wire.write(envelope);
        byte[] signature = key.sign(RecordSignature.signedBytes(record.key(), record.value(), record.headers()));
        RecordHeaders headers = headers(record);
        headers.add(EventHeaders.SIGNATURE, RecordSignature.headerValue(key.keyId(), signature));
        send(new WireFormat.WireRecord(record.key(), afterSigning.apply(record.value()), record.headers()), headers);
    }

    /**
     * Sends the envelopes as one batch signed the way the publisher signs batches, by this key;
     * {@code afterSigning} may then change the value of the record at {@code alteredIndex}.
     */
    void sendBatchSigned(List<EventEnvelope> envelopes, NoteSigner key, int alteredIndex,
                         UnaryOperator<byte[]> afterSigning) {
        List<WireFormat.WireRecord> records = envelopes.stream().map(wire::write).toList();
        List<BatchSignature> signatures = BatchSigner.sign(key, records.stream()
                .map(record -> RecordSignature.signedBytes(record.key(), record.value(), record.headers())).toList());
        for (int i = 0; i < records.size(); i++) {
            WireFormat.WireRecord record = records.get(i);
            RecordHeaders headers = headers(record);
            headers.add(EventHeaders.BATCH_SIGNATURE, Base64.getEncoder().encode(signatures.get(i).encode()));
            byte[] value = i == alteredIndex ? afterSigning.apply(record.value()) : record.value();
            send(new WireFormat.WireRecord(record.key(), value, record.headers()), headers);
        }
    }

    private static RecordHeaders headers(WireFormat.WireRecord record) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private void send(WireFormat.WireRecord record, RecordHeaders headers) {
        producer.send(new ProducerRecord<>(WireFormat.TOPIC, null, record.key(), record.value(), headers));
        producer.flush();
    }

    static CommunityEstablished established(CommunityId community) {
        return new CommunityEstablished(community, "四川省智慧视听产业产教融合共同体", "Smart audiovisual", "Sichuan",
                OrganizationId.of("nanchong-film-vocational-college"), "Literature and Art Center", CONFERENCE_DAY);
    }

    static MemberJoined joined(CommunityId community, String organizationId, String name) {
        return joined(community, organizationId, name, Province.CN_GD);
    }

    static MemberJoined joined(CommunityId community, String organizationId, String name, Province province) {
        return new MemberJoined(community, new Organization(OrganizationId.of(organizationId), name,
                OrganizationKind.ENTERPRISE, province), CONFERENCE_DAY);
    }

    @Override
    public void close() {
        producer.close();
    }
}
