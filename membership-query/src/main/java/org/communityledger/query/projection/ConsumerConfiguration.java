package org.communityledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.UndecodableEventException;
import org.communityledger.events.wire.WireFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when a record cannot be applied. A transient failure (the database unreachable, a lock or
 * statement timeout, a relation missing during a migration; see {@link Failures}) reaches the container's
 * error handler, which retries from that record with a growing pause for as long as the failure lasts, and
 * counts it: it is never parked, because the record itself is fine. A failure of the record's own is retried
 * and parked by {@link EventConsumer} itself, which then goes on with the rest; the error handler parks only
 * what fails otherwise (parking itself failing for a reason that is not transient), after a few attempts.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /**
     * Attempts to apply a record that failed for a transient reason (the warning logged with each names the
     * cause). Prometheus: ledger_projection_retries_transient_total.
     */
    static final String TRANSIENT_RETRIES = "ledger.projection.retries.transient";
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
    DefaultErrorHandler projectionErrorHandler(Parking parking, ProjectionProperties properties, MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(parking::park,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        handler.setBackOffFunction((record, failure) -> Failures.isTransient(failure)
                ? transientBackOff(properties)
                : null);
        handler.setRetryListeners(new TransientFailureReport(meters));
        return handler;
    }

    /** Unlimited attempts, the pause doubling from the retry interval up to the transient ceiling. */
    private static ExponentialBackOff transientBackOff(ProjectionProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.transientRetryCeiling().toMillis());
        return backOff;
    }

    /** Counts every transient retry and logs it, so that a long outage is seen, not only its end. */
    private static final class TransientFailureReport implements RetryListener {

        private final Counter retries;

        TransientFailureReport(MeterRegistry meters) {
            this.retries = meters.counter(TRANSIENT_RETRIES);
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
            if (Failures.isTransient(failure)) {
                Throwable cause = Failures.rootCause(failure);
                retries.increment();
                try (MDC.MDCCloseable ignored = RecordDecoder.correlationInto(record)) {
                    log.warn("Applying {}-{}@{} failed for a transient reason (attempt {}), retrying: {}", record.topic(),
                            record.partition(), record.offset(), deliveryAttempt, cause.getMessage());
                }
            }
        }
    }
}
