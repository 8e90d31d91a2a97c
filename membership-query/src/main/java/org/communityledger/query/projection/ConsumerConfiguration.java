package org.communityledger.query.projection;

import org.apache.kafka.common.TopicPartition;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.UndecodableEventException;
import org.communityledger.events.wire.WireFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when a record cannot be applied. A record this side cannot read goes straight to the
 * dead-letter topic with the reason in its headers, and the partition goes on. A gap in a community's
 * sequence is retried for as long as it takes (skipping it would corrupt the view). Anything else is
 * retried a few times, then parked in the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

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
                                               ProjectionProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, failure) -> new TopicPartition(WireFormat.DEAD_LETTER_TOPIC, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        handler.setBackOffFunction((record, failure) -> isGap(failure)
                ? new FixedBackOff(properties.gapRetryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)
                : null);
        return handler;
    }

    private static boolean isGap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SequenceGapException) {
                return true;
            }
        }
        return false;
    }
}
