package org.communityledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
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

/**
 * Tops the events topic up to the size a rebuild is measured on, in the wire format the publisher writes
 * (communities of 1,000 events: established, then members joining), with global positions continuing after
 * the event store's last one. Only the projection reads them; they are not in the event store, so this is for
 * the bench's own throw-away system.
 */
final class TopicFiller {

    private static final LocalDate DAY = LocalDate.of(2025, 10, 19);
    private static final int EVENTS_PER_COMMUNITY = 1000;
    /** The publisher's default batch size: records signed together. */
    private static final int SIGNED_BATCH = 200;

    private final Map<String, Object> kafkaClient;
    private final NoteSigner ledgerKey;
    private final WireFormat wire = new WireFormat(new EventCodec());

    /** @param ledgerKey the system's signing key: the query service applies only records it signed */
    TopicFiller(Map<String, Object> kafkaClient, NoteSigner ledgerKey) {
        this.kafkaClient = kafkaClient;
        this.ledgerKey = ledgerKey;
    }

    /** Writes {@code events} records with positions after {@code lastPosition}; answers the last position. */
    long fill(int events, long lastPosition) {
        Properties properties = new Properties();
        properties.putAll(kafkaClient);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long position = lastPosition;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            CommunityId community = null;
            List<WireFormat.WireRecord> batch = new ArrayList<>(SIGNED_BATCH);
            for (int i = 0; i < events; i++) {
                int sequence = i % EVENTS_PER_COMMUNITY + 1;
                if (sequence == 1) {
                    community = CommunityId.newId();
                }
                CommunityEvent event = sequence == 1
                        ? new CommunityEstablished(community, "Rebuild benchmark " + i / EVENTS_PER_COMMUNITY,
                                "Benchmark", "Sichuan", OrganizationId.of("bench-host-college"), "Load lab", DAY)
                        : new MemberJoined(community, new Organization(OrganizationId.of("fill-" + sequence),
                                "Benchmark member " + sequence, OrganizationKind.ENTERPRISE, Province.CN_SC), DAY);
                batch.add(wire.write(new EventEnvelope(UUID.randomUUID().toString(), community,
                        sequence, ++position, Instant.now(), "bench-fill", event)));
                if (batch.size() == SIGNED_BATCH || i == events - 1) {
                    sendSigned(producer, batch);
                    batch.clear();
                }
            }
            producer.flush();
        }
        return position;
    }

    /** As the publisher sends a batch: one signature over the batch, each record with its inclusion path. */
    private void sendSigned(KafkaProducer<String, byte[]> producer, List<WireFormat.WireRecord> batch) {
        List<BatchSignature> signatures = BatchSigner.sign(ledgerKey, batch.stream()
                .map(record -> RecordSignature.signedBytes(record.key(), record.value(), record.headers())).toList());
        for (int i = 0; i < batch.size(); i++) {
            WireFormat.WireRecord record = batch.get(i);
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            headers.add(EventHeaders.BATCH_SIGNATURE, Base64.getEncoder().encode(signatures.get(i).encode()));
            producer.send(new ProducerRecord<>(WireFormat.TOPIC, null, record.key(), record.value(), headers));
        }
    }
}
