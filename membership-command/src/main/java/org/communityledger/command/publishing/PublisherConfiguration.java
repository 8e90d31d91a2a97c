package org.communityledger.command.publishing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.WireFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher runs in a pooled streaming processor whose token lives in PostgreSQL. Axon's default
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
                .registerPooledStreamingEventProcessor(KafkaPublisher.PROCESSOR,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, builder) -> builder
                                .batchSize(properties.batchSize())
                                .initialSegmentCount(properties.segments()))
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSOR,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
