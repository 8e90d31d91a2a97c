package org.communityledger.command.publishing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
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

    /**
     * Axon stops its processors in phase {@link Phase#INBOUND_EVENT_CONNECTORS}; shutdown phases run from the
     * highest down, so this runs just before.
     */
    private static final int STOP_BEFORE_THE_PROCESSORS = Phase.INBOUND_EVENT_CONNECTORS + 1;

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    WireFormat wireFormat(EventCodec eventCodec) {
        return new WireFormat(eventCodec);
    }

    /**
     * The publisher's token, in PostgreSQL. With several command instances one of them holds the claim and
     * publishes; it renews the claim with every batch, and while idle every half of {@code claimTimeout}
     * (each renewal is a transaction of its own: renewing every second was most of what an idle service asked of
     * PostgreSQL). Another instance takes the claim over once it is older than {@code claimTimeout}.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          PublisherProperties properties) {
        JdbcTokenStore.Builder tokenStore = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .claimTimeout(properties.claimTimeout());
        if (properties.nodeId() != null) {
            tokenStore.nodeId(properties.nodeId());
        }
        return tokenStore.build();
    }

    @Bean
    ConfigurerModule kafkaPublisherProcessor(PublisherProperties properties,
                                             ObjectProvider<StoreEventSource> storeEvents) {
        return configurer -> {
            configurer.onInitialize(configuration -> configuration.onShutdown(STOP_BEFORE_THE_PROCESSORS,
                    () -> stopWithoutWaiting(configuration, storeEvents.getObject())));
            registerPublisher(configurer, properties, storeEvents);
        };
    }

    /**
     * Stops the publisher and lets its reader go at once. An idle reader waits for events up to half the claim
     * timeout; Axon would join it for its worker termination timeout (5 s), then interrupt it. Stopped this way
     * the worker also releases its claim, so another instance takes over at its next claim attempt.
     */
    private static CompletableFuture<?> stopWithoutWaiting(org.axonframework.config.Configuration configuration,
                                                           StoreEventSource storeEvents) {
        CompletableFuture<?> stopped = configuration.eventProcessingConfiguration()
                .eventProcessor(KafkaPublisher.PROCESSOR, TrackingEventProcessor.class)
                .<CompletableFuture<?>>map(TrackingEventProcessor::shutdownAsync)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
        // After the processor's state is set to stopping: a released worker then leaves its loop.
        storeEvents.releaseWaitingReaders();
        return stopped;
    }

    private static void registerPublisher(Configurer configurer, PublisherProperties properties,
                                          ObjectProvider<StoreEventSource> storeEvents) {
        configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaPublisher.PROCESSOR,
                        // Looked up when the processor is built: the source needs the Axon configuration itself.
                        configuration -> storeEvents.getObject(),
                        configuration -> TrackingEventProcessorConfiguration
                                .forParallelProcessing(properties.segments())
                                .andInitialSegmentsCount(properties.segments())
                                .andTokenClaimInterval(properties.claimInterval().toMillis(), TimeUnit.MILLISECONDS)
                                // How long an idle publisher waits for events before it renews its claim.
                                .andEventAvailabilityTimeout(properties.claimTimeout().toMillis() / 2,
                                        TimeUnit.MILLISECONDS)
                                .andBatchSize(properties.batchSize()))
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSOR,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
