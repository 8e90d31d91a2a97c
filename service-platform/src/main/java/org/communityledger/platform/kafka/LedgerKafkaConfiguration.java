package org.communityledger.platform.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.communityledger.events.wire.WireFormat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics both services rely on, declared by both so that whichever starts first creates them with
 * the right layout (brokers must not auto-create them with defaults), and the Kafka health indicator.
 */
@AutoConfiguration
@EnableConfigurationProperties(LedgerKafkaProperties.class)
public class LedgerKafkaConfiguration {

    @Bean
    NewTopic membershipEventsTopic(LedgerKafkaProperties properties) {
        // Kept for ever: projections are rebuilt by reading the topic from offset 0.
        return TopicBuilder.name(WireFormat.TOPIC)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE))
                .build();
    }

    @Bean
    NewTopic membershipEventsDeadLetterTopic(LedgerKafkaProperties properties) {
        return TopicBuilder.name(WireFormat.DEAD_LETTER_TOPIC)
                .partitions(1)
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    @Bean(destroyMethod = "close")
    AdminClient ledgerHealthAdminClient(KafkaAdmin kafkaAdmin) {
        return AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient ledgerHealthAdminClient, LedgerKafkaProperties properties) {
        return new KafkaHealthIndicator(ledgerHealthAdminClient, properties.healthTimeout());
    }
}
