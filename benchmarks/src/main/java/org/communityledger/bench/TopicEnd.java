package org.communityledger.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many records a topic holds in all its partitions: what the publisher has delivered so far. */
final class TopicEnd implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    /** @param kafkaClient the bootstrap servers and, on a cluster, the operator's sign-in */
    TopicEnd(Map<String, Object> kafkaClient, String topic) {
        Properties properties = new Properties();
        properties.putAll(kafkaClient);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
    }

    long records() {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    int partitions() {
        return partitions.size();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
