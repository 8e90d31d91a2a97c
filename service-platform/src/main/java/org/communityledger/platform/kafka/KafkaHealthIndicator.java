package org.communityledger.platform.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up only when the Kafka cluster answers within the timeout; Spring Boot has no Kafka indicator of its own. */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final AdminClient adminClient;
    private final Duration timeout;

    KafkaHealthIndicator(AdminClient adminClient, Duration timeout) {
        super("Kafka health check failed");
        this.adminClient = adminClient;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = adminClient.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }
}
