package org.communityledger.command.publishing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.WireFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher runs in a tracking event processor whose token lives in PostgreSQL. (A tracking processor
 * rather than a pooled one: with the embedded event store the pooled coordinator has no availability
 * callback and polls every 500 ms, while a tracking processor wakes as soon as events are committed.)
 * Axon's default
 * listener error handler only logs, which would let the token move past an unpublished event: here every
 * failure propagates, the batch rolls back and is retried.
 */
@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

    @Bean
    WireFormat wireFormat() {
        return new WireFormat(new EventCodec());
    }

    @Bean
    ConfigurerModule kafkaPublisherProcessor(PublisherProperties properties) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaPublisher.PROCESSOR,
                        org.axonframework.config.Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration
                                .forParallelProcessing(properties.segments())
                                .andInitialSegmentsCount(properties.segments())
                                .andBatchSize(properties.batchSize()))
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSOR,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
