package org.communityledger.command.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.communityledger.command.eventstore.EventPositions;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.communityledger.command.dispatch.CommandMetadata;
import org.communityledger.events.CommunityEvent;
import org.communityledger.command.ledger.LedgerMetadata;
import org.communityledger.command.transparency.SigningKey;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.EventType;
import org.communityledger.events.wire.EventTypes;
import org.communityledger.events.wire.StoredEvent;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.RecordSignature;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.platform.correlation.CorrelationId;
import org.communityledger.proofs.batch.BatchSigner;
import org.communityledger.proofs.note.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka, keyed by community so that a community's events stay in order.
 *
 * <p>It runs in a streaming processor that reads the event store in order. The records of one batch are
 * sent together and awaited before the batch's unit of work commits, and the processor's token is stored
 * in that same transaction: the token never passes an event the broker has not acknowledged. A crash
 * republishes from the last token (at least once); the query side absorbs the duplicates. Each record carries
 * the event's chain hashes and, where a signing key is configured, the ledger key's signature over the batch
 * with the record's inclusion path ({@link EventHeaders#BATCH_SIGNATURE}), which the query side checks before
 * it applies anything. One signature per batch rather than per record: the JDK's Ed25519 costs about 1.2 ms
 * of CPU per signature here, more than the rest of a record's publishing.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSOR)
class KafkaPublisher {

    static final String PROCESSOR = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final String BATCH_RECORDS = KafkaPublisher.class.getName() + ".batchRecords";

    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final WireFormat wireFormat;
    private final EventCodec codec;
    private final Serializer eventSerializer;
    private final PublisherProperties properties;
    private final SigningKey signingKey;
    private final Counter published;

    KafkaPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, WireFormat wireFormat, EventCodec codec,
                   @Qualifier("eventSerializer") Serializer eventSerializer, PublisherProperties properties,
                   SigningKey signingKey, MeterRegistry meterRegistry) {
        this.kafkaTemplate = kafkaTemplate;
        this.signingKey = signingKey;
        this.wireFormat = wireFormat;
        this.codec = codec;
        this.eventSerializer = eventSerializer;
        this.properties = properties;
        this.published = Counter.builder("ledger.publisher.published")
                .description("Events Kafka acknowledged; a batch sent again after a failure counts again")
                .register(meterRegistry);
    }

    // The payload type is named here, not taken as a parameter: a parameter would make Axon decode the stored JSON.
    @EventHandler(payloadType = CommunityEvent.class)
    void publish(DomainEventMessage<?> message) {
        String correlationId = (String) message.getMetaData().get(CommandMetadata.CORRELATION_ID);
        if (correlationId == null) {
            send(message, null);
            return;
        }
        // What is logged about this event on this thread names the request of the command that caused it.
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, correlationId)) {
            send(message, correlationId);
        }
    }

    private void send(DomainEventMessage<?> message, String correlationId) {
        StoredEvent event = stored(message, correlationId);
        recordsOfThisBatch().add(wireFormat.write(event));
        log.debug("Publishing {} {} (community {}, version {}, position {})", event.type().name(), event.eventId(),
                event.communityId().value(), event.sequence(), event.position());
    }

    /**
     * The event as the store holds it. JSON of its type's current revision (as stored, or as the store's upcasters
     * made it) is sent as it is; anything else is decoded and encoded again, so that what cannot be read fails
     * here, before it reaches the topic.
     */
    private StoredEvent stored(DomainEventMessage<?> message, String correlationId) {
        SerializedObject<byte[]> payload = message.serializePayload(eventSerializer, byte[].class);
        Optional<EventType> current = EventTypes.named(payload.getType().getName())
                .filter(type -> Integer.toString(type.revision()).equals(payload.getType().getRevision()));
        EventType type;
        byte[] json;
        if (current.isPresent()) {
            type = current.get();
            json = payload.getData();
        } else {
            CommunityEvent event = (CommunityEvent) message.getPayload();
            type = EventTypes.of(event.getClass());
            json = codec.encode(event);
        }
        return new StoredEvent(type, json, message.getIdentifier(), CommunityId.of(message.getAggregateIdentifier()),
                message.getSequenceNumber() + 1, EventPositions.ofTracked(message), message.getTimestamp(),
                correlationId, text(message, LedgerMetadata.HASH), text(message, LedgerMetadata.PREV_HASH));
    }

    private static String text(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /**
     * The records of the processor's current batch (its root unit of work). They are signed and sent together
     * when the batch prepares to commit, and awaited there, before the token is stored.
     */
    private List<WireFormat.WireRecord> recordsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(BATCH_RECORDS, key -> {
            List<WireFormat.WireRecord> records = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sendSigned(records)));
            return records;
        });
    }

    private List<CompletableFuture<?>> sendSigned(List<WireFormat.WireRecord> records) {
        List<byte[]> signatures = signingKey.key().map(key -> signatures(key, records)).orElse(null);
        List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            WireFormat.WireRecord wire = records.get(i);
            RecordHeaders headers = new RecordHeaders();
            wire.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            if (signatures != null) {
                headers.add(EventHeaders.BATCH_SIGNATURE, signatures.get(i));
            }
            sends.add(kafkaTemplate.send(
                    new ProducerRecord<>(WireFormat.TOPIC, null, wire.key(), wire.value(), headers)));
        }
        return sends;
    }

    /** One Ed25519 signature for the whole batch (about 1.2 ms of CPU), each record with its inclusion path. */
    private static List<byte[]> signatures(NoteSigner key, List<WireFormat.WireRecord> records) {
        List<byte[]> signedBytes = records.stream()
                .map(wire -> RecordSignature.signedBytes(wire.key(), wire.value(), wire.headers()))
                .toList();
        return BatchSigner.sign(key, signedBytes).stream()
                .map(signature -> Base64.getEncoder().encode(signature.encode()))
                .toList();
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment(sends.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishingFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new PublishingFailedException("Kafka refused an event", e.getCause());
        } catch (TimeoutException e) {
            throw new PublishingFailedException("Kafka did not acknowledge within "
                    + properties.acknowledgementTimeout(), e);
        }
    }
}
