package org.communityledger.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * How one topic must be laid out: its partitions, its replicas and the topic settings the ledger relies on.
 *
 * @param configs topic settings that must hold exactly (retention, min.insync.replicas, ...)
 */
record TopicLayout(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /** What an existing topic does differently, in words an operator can act on; empty when it fits. */
    List<String> differencesFrom(TopicDescription description, Config config) {
        List<String> differences = new ArrayList<>();
        int actualPartitions = description.partitions().size();
        if (actualPartitions != partitions) {
            differences.add(name + " has " + actualPartitions + " partitions, not " + partitions
                    + " (a community's records go to the partition of its key: the count is not changed automatically)");
        }
        int fewestReplicas = description.partitions().stream().mapToInt(partition -> partition.replicas().size())
                .min().orElse(0);
        if (fewestReplicas != replicationFactor) {
            differences.add(name + " has " + fewestReplicas + " replicas per partition, not " + replicationFactor);
        }
        configs.forEach((key, expected) -> {
            String actual = config.get(key) == null ? null : config.get(key).value();
            if (!expected.equals(actual)) {
                differences.add(name + " has " + key + "=" + actual + ", not " + expected);
            }
        });
        return differences;
    }
}
