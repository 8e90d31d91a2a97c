package org.communityledger.command.community;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;

/**
 * How communities are loaded: from a cache while they are in use, otherwise from their latest snapshot
 * plus the events after it, so that a long history costs no more than a short one.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class CommunityAggregateConfiguration {

    /** The clock the rules read "today" from, in the communities' time zone. */
    @Bean
    Clock ledgerClock(CommunityProperties properties) {
        return Clock.system(properties.timeZone());
    }

    @Bean
    Cache communityCache(CommunityProperties properties) {
        return new BoundedCommunityCache(properties.cacheSize());
    }

    @Bean
    SnapshotTriggerDefinition communitySnapshotTrigger(Snapshotter snapshotter, CommunityProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Snapshots are taken after the command's commit on one background thread, so no request waits for
     * one; when the queue is full the oldest request is dropped (a later trigger takes another).
     */
    @Bean
    Snapshotter snapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                            ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                            TransactionManager transactionManager) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1000), new ThreadPoolExecutor.DiscardOldestPolicy());
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(executor)
                .build();
    }
}
