package org.communityledger.command.publishing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.communityledger.command.eventstore.StoreEventSource;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.WireFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher runs in a tracking event processor whose token lives in PostgreSQL, reading the store through
 * {@link StoreEventSource}, which wakes it as soon as events are committed and holds one batch at a time.
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
    ConfigurerModule kafkaPublisherProcessor(PublisherProperties properties,
                                             ObjectProvider<StoreEventSource> storeEvents) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaPublisher.PROCESSOR,
                        // Looked up when the processor is built: the source needs the Axon configuration itself.
                        configuration -> storeEvents.getObject(),
                        configuration -> TrackingEventProcessorConfiguration
                                .forParallelProcessing(properties.segments())
                                .andInitialSegmentsCount(properties.segments())
                                .andBatchSize(properties.batchSize()))
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSOR,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
