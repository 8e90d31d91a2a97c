package org.communityledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    private static final Node A = new Node(1, "127.0.0.1", 19092);
    private static final Node B = new Node(2, "127.0.0.1", 19094);
    private static final Node C = new Node(3, "127.0.0.1", 19096);
    private static final TopicLayout EVENTS = new TopicLayout("membership.events", 2, (short) 3,
            Map.of("retention.ms", "-1", "min.insync.replicas", "2"));

    @Test
    void a_topic_laid_out_as_configured_has_no_differences() {
        assertThat(EVENTS.differencesFrom(topic(2, A, B, C), config("-1", "2"))).isEmpty();
    }

    @Test
    void fewer_partitions_fewer_replicas_and_other_settings_are_each_named() {
        assertThat(EVENTS.differencesFrom(topic(1, A), config("604800000", "1"))).containsExactlyInAnyOrder(
                "membership.events has 1 partitions, not 2 (a community's records go to the partition of its key:"
                        + " the count is not changed automatically)",
                "membership.events has 1 replicas per partition, not 3",
                "membership.events has retention.ms=604800000, not -1",
                "membership.events has min.insync.replicas=1, not 2");
    }

    @Test
    void the_cluster_profile_refuses_a_topic_without_replicas() {
        assertThatThrownBy(() -> new LedgerKafkaProperties(6, (short) 1, null, true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication-factor of 3 or more");
        assertThatThrownBy(() -> new LedgerKafkaProperties(6, (short) 3, (short) 1, true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-insync-replicas of 2");
        assertThat(new LedgerKafkaProperties(6, (short) 3, null, true, Duration.ofSeconds(1)).minInsyncReplicas())
                .isEqualTo((short) 2);
    }

    @Test
    void more_in_sync_replicas_than_replicas_are_refused() {
        assertThatThrownBy(() -> new LedgerKafkaProperties(6, (short) 1, (short) 2, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and the replication");
    }

    private static TopicDescription topic(int partitions, Node... replicas) {
        List<TopicPartitionInfo> infos = new java.util.ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            infos.add(new TopicPartitionInfo(partition, replicas[0], List.of(replicas), List.of(replicas)));
        }
        return new TopicDescription("membership.events", false, infos);
    }

    private static Config config(String retention, String minInsync) {
        return new Config(List.of(new ConfigEntry("retention.ms", retention),
                new ConfigEntry("min.insync.replicas", minInsync)));
    }
}
