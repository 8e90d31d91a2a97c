package org.communityledger.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.launcher.LocalSystem;

/**
 * Scenario 7: three records no reader can apply land on the topic, in the partition of a community under load,
 * each a copy of that community's latest record with one thing broken: its bytes, its event name, or its
 * revision (one from a later release). Each must be parked in the dead-letter topic with its reason, counted
 * in the metric and logged, while the partition goes on.
 */
final class PoisonRecords extends Scenario {

    private static final String PARKED_LOG_LINE = "Parked record ";

    PoisonRecords() {
        super("7", "poison records on the topic (bad bytes, unknown event, later revision)");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            String target = communities.get(0);
            double metricBefore = parkedMetric(fault);
            long logBefore = parkedLogLines(fault);
            long deadLettersBefore = deadLetters(fault, target).size();
            ConsumerRecord<String, byte[]> latest = latestRecordOf(fault, target);
            long poisonedAt = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer(fault)) {
                producer.send(poison(latest, "not an event".getBytes(StandardCharsets.UTF_8), Map.of())).get();
                producer.send(poison(latest, latest.value(), Map.of(EventHeaders.EVENT_NAME, "MemberTeleported"))).get();
                producer.send(poison(latest, latest.value(), Map.of(EventHeaders.EVENT_REVISION, "99"))).get();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            List<ConsumerRecord<String, byte[]>> parked = List.of();
            while (System.nanoTime() < deadline) {
                List<ConsumerRecord<String, byte[]>> all = deadLetters(fault, target);
                parked = all.subList((int) Math.min(deadLettersBefore, all.size()), all.size());
                if (parked.size() >= 3) {
                    break;
                }
                Rest.sleep(Duration.ofMillis(250));
            }
            for (ConsumerRecord<String, byte[]> record : parked) {
                Header reason = record.headers().lastHeader("kafka_dlt-exception-message");
                observations.add("parked: " + (reason == null ? "(no reason)" : Text.tail(new String(reason.value(),
                        StandardCharsets.UTF_8))));
                if (reason == null) {
                    findings.add("a parked record carries no reason");
                }
            }
            if (parked.size() != 3) {
                findings.add(parked.size() + " of 3 poison records were parked in " + WireFormat.DEAD_LETTER_TOPIC);
            }
            double metric = parkedMetric(fault) - metricBefore;
            long logged = parkedLogLines(fault) - logBefore;
            observations.add("metric +" + (long) metric + ", log lines +" + logged);
            if (metric != 3 || logged != 3) {
                findings.add("the metric counted " + metric + " and the log " + logged + " parked records, not 3");
            }
            return poisonedAt;
        });
    }

    private static ProducerRecord<String, byte[]> poison(ConsumerRecord<String, byte[]> original, byte[] value,
                                                         Map<String, String> brokenHeaders) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            if (!brokenHeaders.containsKey(header.key())) {
                headers.add(header);
            }
        }
        brokenHeaders.forEach((name, broken) -> headers.add(name, broken.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(original.topic(), original.partition(), original.key(), value, headers);
    }

    private static ConsumerRecord<String, byte[]> latestRecordOf(Drill drill, String communityId) {
        ConsumerRecord<String, byte[]> latest = null;
        for (ConsumerRecord<String, byte[]> record : drill.topic().readAll(WireFormat.TOPIC)) {
            if (communityId.equals(record.key())) {
                latest = record;
            }
        }
        if (latest == null) {
            throw new IllegalStateException("no record of " + communityId + " on the topic yet");
        }
        return latest;
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(Drill drill, String communityId) {
        List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : drill.topic().readAll(WireFormat.DEAD_LETTER_TOPIC)) {
            if (communityId.equals(record.key())) {
                parked.add(record);
            }
        }
        return parked;
    }

    private static double parkedMetric(Drill drill) throws Exception {
        return ServiceMetrics.counter(drill.queryAs("admin").metrics(), "ledger_projection_records_parked_total",
                "reason=\"unreadable\"");
    }

    private static long parkedLogLines(Drill drill) throws IOException {
        return LogLines.containing(drill, LocalSystem.Part.QUERY, PARKED_LOG_LINE);
    }

    private static KafkaProducer<String, byte[]> producer(Drill drill) {
        Properties properties = new Properties();
        properties.putAll(drill.system().settings().kafkaClientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
