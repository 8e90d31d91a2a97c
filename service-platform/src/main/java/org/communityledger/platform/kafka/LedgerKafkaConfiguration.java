package org.communityledger.platform.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.config.TopicConfig;
import org.communityledger.events.wire.WireFormat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics both services rely on, created by whichever starts first with the configured layout (brokers
 * must not auto-create them with defaults) and checked by both, and the Kafka health indicators. Not
 * spring-kafka's {@code NewTopic} beans: its admin adds partitions to an existing topic with fewer, which would
 * move communities to other partitions.
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(LedgerKafkaProperties.class)
public class LedgerKafkaConfiguration {

    /** The topics both services rely on, created by whichever starts first, checked by both. */
    @Bean
    TopicLayouts ledgerTopicLayouts(AdminClient ledgerHealthAdminClient, LedgerKafkaProperties properties) {
        String minInsync = Short.toString(properties.minInsyncReplicas());
        // Kept for ever: projections are rebuilt by reading the topic from offset 0.
        TopicLayout events = new TopicLayout(WireFormat.TOPIC, properties.partitions(), properties.replicationFactor(),
                Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync));
        TopicLayout deadLetters = new TopicLayout(WireFormat.DEAD_LETTER_TOPIC, 1, properties.replicationFactor(),
                Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync));
        return new TopicLayouts(ledgerHealthAdminClient, List.of(events, deadLetters));
    }

    @Bean
    TopicLayoutHealthIndicator topicLayoutHealthIndicator(TopicLayouts ledgerTopicLayouts) {
        return new TopicLayoutHealthIndicator(ledgerTopicLayouts);
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
