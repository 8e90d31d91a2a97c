package org.communityledger.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.launcher.LocalSystem;

/**
 * Cluster scenario c1: the Kafka node that leads the partition of a busy community is killed with SIGKILL
 * under load and started again. With three replicas and two in sync, another node takes the partition over,
 * the publisher's unacknowledged batch is sent again, and nothing acknowledged may be lost or reordered.
 *
 * <p>Evidence that the kill hit the busy partition: its leadership must move to another node.
 */
final class BrokerLeaderCrash extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration NEW_LEADER_WITHIN = Duration.ofSeconds(30);

    BrokerLeaderCrash() {
        super("c1", "kill -9 the leader broker of a busy partition under load, restart it");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        return FaultUnderLoad.run(this, drill, (fault, load, communities, observations, findings) -> {
            LocalSystem system = fault.system();
            try (Admin admin = Admin.create(system.settings().kafkaClientProperties())) {
                int partition = partitionOf(admin, communities.get(0));
                int leader = leaderOf(admin, partition);
                long killedAt = System.nanoTime();
                system.kill(LocalSystem.Part.KAFKA, leader - 1);
                int newLeader = awaitOtherLeader(admin, partition, leader);
                if (newLeader < 0) {
                    findings.add("partition " + partition + " had no leader other than the killed node " + leader
                            + " within " + NEW_LEADER_WITHIN.toSeconds() + " s");
                } else {
                    observations.add("partition " + partition + " moved from node " + leader + " to node " + newLeader
                            + " in " + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms");
                }
                Rest.sleep(OUTAGE);
                system.restart(LocalSystem.Part.KAFKA, leader - 1);
                return killedAt;
            }
        });
    }

    /** The partition a community's records go to: Kafka's default partitioner for a keyed record. */
    private static int partitionOf(Admin admin, String communityId) throws Exception {
        int partitions = admin.describeTopics(List.of(WireFormat.TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(WireFormat.TOPIC).partitions().size();
        return Utils.toPositive(Utils.murmur2(communityId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static int leaderOf(Admin admin, int partition) throws Exception {
        TopicPartitionInfo info = admin.describeTopics(List.of(WireFormat.TOPIC)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(WireFormat.TOPIC).partitions().get(partition);
        if (info.leader() == null) {
            throw new IllegalStateException("partition " + partition + " has no leader before the fault");
        }
        return info.leader().id();
    }

    /** The partition's new leader once it is another node than {@code killed}, or -1 when none came in time. */
    private static int awaitOtherLeader(Admin admin, int partition, int killed) {
        long deadline = System.nanoTime() + NEW_LEADER_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int leader = leaderOf(admin, partition);
                if (leader != killed) {
                    return leader;
                }
            } catch (Exception electionUnderWay) {
                // no leader for the moment
            }
            Rest.sleep(Duration.ofMillis(100));
        }
        return -1;
    }
}
