package org.communityledger.command.ledger;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the hash chain on the event store itself: aggregates publish there directly, not through the
 * event gateway on which Axon's auto-configuration would register a dispatch interceptor bean.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    SmartInitializingSingleton hashChainOnEventStore(EventStore eventStore,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     ChainHeads chainHeads) {
        return () -> eventStore.registerDispatchInterceptor(new HashChainInterceptor(eventSerializer, chainHeads));
    }
}
