package org.communityledger.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.WireFormat;

/** The events topic read from its first offset to its end, as a new consumer group would see it. */
final class TopicRecords {

    private final Map<String, Object> kafkaClient;

    /** @param kafkaClient the bootstrap servers and, on a cluster, the operator's sign-in */
    TopicRecords(Map<String, Object> kafkaClient) {
        this.kafkaClient = kafkaClient;
    }

    /** The versions the topic holds for each of these communities, in offset order, repeats included. */
    Map<String, List<Long>> versionsOf(Set<String> communities) {
        Map<String, List<Long>> versions = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(WireFormat.TOPIC)) {
            if (record.key() != null && communities.contains(record.key())) {
                versions.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(version(record));
            }
        }
        return versions;
    }

    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties properties = new Properties();
        properties.putAll(kafkaClient);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The offsets a consumer group has committed on the events topic, by partition. */
    Map<Integer, Long> committedOffsets(String group) throws Exception {
        Properties properties = new Properties();
        properties.putAll(kafkaClient);
        try (Admin admin = Admin.create(properties)) {
            Map<Integer, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> {
                        if (partition.topic().equals(WireFormat.TOPIC) && offset != null) {
                            committed.put(partition.partition(), offset.offset());
                        }
                    });
            return committed;
        }
    }

    /** A record's community version, from its header; -1 when it has none. */
    static long version(ConsumerRecord<String, byte[]> record) {
        Header sequence = record.headers().lastHeader(EventHeaders.SEQUENCE);
        return sequence == null ? -1 : Long.parseLong(new String(sequence.value(), StandardCharsets.UTF_8));
    }
}
