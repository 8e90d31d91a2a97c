package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.communityledger.client.health.Health;
import org.communityledger.events.wire.WireFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** A topic changed behind the service's back is reported by health (and the log), not silently used. */
@QueryServiceTest
class TopicLayoutIT {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void a_topic_whose_retention_was_changed_makes_health_degraded_until_it_is_put_back() throws Exception {
        assertThat(topicLayout().status()).isEqualTo(Health.UP);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            alterRetention(admin, "86400000");
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> !topicLayout().details().isEmpty());
                assertThat(topicLayout().details().get("differences")).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .contains(WireFormat.DEAD_LETTER_TOPIC + " has retention.ms=86400000, not -1");
            } finally {
                alterRetention(admin, "-1");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> topicLayout().isUp());
        }
    }

    private static void alterRetention(Admin admin, String retention) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, WireFormat.DEAD_LETTER_TOPIC);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry("retention.ms", retention), AlterConfigOp.OpType.SET)))).all().get();
    }

    private Health topicLayout() {
        // Which component is degraded, and why, is for signed-in callers.
        return Accounts.query(port, "viewer").health().health().component("topicLayout").orElseThrow();
    }
}
