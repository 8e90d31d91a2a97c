package org.communityledger.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.UndecodableEventException;
import org.communityledger.events.wire.WireFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when a record cannot be applied. A record this side cannot read goes straight to the
 * dead-letter topic with the reason in its headers, and the partition goes on. A gap in a community's
 * sequence is retried for as long as it takes (skipping it would corrupt the view). Anything else is
 * retried a few times, then parked in the dead-letter topic. Every parked record is logged as an error and
 * counted in a metric, so that an operator learns of it without reading the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /**
     * Records parked in the dead-letter topic, tagged {@code reason=unreadable} (this side cannot read it) or
     * {@code not-applicable} (read, but failed every retry). Prometheus: ledger_projection_records_parked_total.
     */
    static final String PARKED_RECORDS = "ledger.projection.records.parked";
    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    WireFormat wireFormat(EventCodec eventCodec) {
        return new WireFormat(eventCodec);
    }

    @Bean
    DefaultErrorHandler projectionErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate,
                                               ProjectionProperties properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, failure) -> new TopicPartition(WireFormat.DEAD_LETTER_TOPIC, -1));
        ConsumerRecordRecoverer parkAndTell = (record, failure) -> {
            Throwable unreadable = causeOfType(failure, UndecodableEventException.class);
            Throwable reason = unreadable != null ? unreadable : rootCause(failure);
            log.error("Parked record {}-{}@{} (key {}) in {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), WireFormat.DEAD_LETTER_TOPIC, reason.getMessage());
            meters.counter(PARKED_RECORDS, "reason", unreadable != null ? "unreadable" : "not-applicable").increment();
            deadLetters.accept(record, failure);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(parkAndTell,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        handler.setBackOffFunction((record, failure) -> isGap(failure)
                ? new FixedBackOff(properties.gapRetryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)
                : null);
        return handler;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isGap(Throwable failure) {
        return causeOfType(failure, SequenceGapException.class) != null;
    }

    private static Throwable causeOfType(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }
}
