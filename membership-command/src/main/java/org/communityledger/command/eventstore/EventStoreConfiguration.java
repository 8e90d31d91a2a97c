package org.communityledger.command.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.communityledger.command.ledger.SealingAppend;
import org.communityledger.events.wire.EventCodec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store is Axon's JDBC engine on our PostgreSQL, in tables that Flyway creates with {@code bytea}
 * columns (no large objects) and snake_case names an auditor can query. Events are JSON in the contract's
 * format under their logical names.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    // Declared here rather than left to Axon's JDBC auto-configuration: on Boot 4 that one is ordered
    // against class names that moved, so it can run before the DataSource exists and silently fall back
    // to in-memory token storage.

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            PersistenceExceptionResolver persistenceExceptionResolver,
            EventSchema eventSchema,
            SealingAppend sealingAppend,
            EventStoreProperties properties) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .batchSize(properties.readBatchSize())
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(sealingAppend);
        // build() validates the builder; the subclass is then made from the same, validated builder.
        builder.build();
        return new PositionedEventStorageEngine(builder, eventSchema.globalIndexColumn());
    }

    /** What event processors (the Kafka publisher) read: the store in order, a batch at a time. */
    @Bean
    StoreEventSource storeEventSource(EventStorageEngine storageEngine, EventStoreProperties properties) {
        return new StoreEventSource(storageEngine, properties.fetchDelay());
    }

    /** Wakes the readers of {@link StoreEventSource} as soon as a unit of work that appended events commits. */
    @Bean
    SmartInitializingSingleton commitSignals(EventStore eventStore, StoreEventSource source) {
        // Commands append in a unit of work; events appended without one are found at the next notification or
        // fallback look.
        return () -> eventStore.registerDispatchInterceptor(events -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> source.eventsCommitted()));
            return (index, event) -> event;
        });
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Our own Jackson 2 mapper: otherwise Axon builds one that stores instants as numbers. */
    @Bean
    ObjectMapper axonObjectMapper() {
        return EventCodec.newObjectMapper();
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper axonObjectMapper) {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Snapshots hold the aggregate's private state, which has no getters: this mapper reads and writes
     * fields. Snapshots are a cache, rebuilt from events whenever they cannot be read.
     */
    @Bean
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer() {
        ObjectMapper fields = EventCodec.newObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    /** Old revisions in the store are read through the contract's upcasters. */
    @Bean
    ConfigurerModule storedEventUpcasting() {
        return configurer -> configurer.registerEventUpcaster(configuration -> new StoredEventUpcaster());
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return new LogicalNameEventSerializer(JacksonSerializer.builder().objectMapper(EventCodec.newObjectMapper()));
    }
}
