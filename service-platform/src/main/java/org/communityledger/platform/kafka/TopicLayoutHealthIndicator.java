package org.communityledger.platform.kafka;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code topicLayout}: DEGRADED, with the differences, when an existing topic is not laid out as configured;
 * UNKNOWN until Kafka first answered the check. DEGRADED answers HTTP 200: the service works, with less
 * safety than configured, and an operator must act, not a load balancer.
 */
class TopicLayoutHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "works with less safety than configured");

    private final TopicLayouts layouts;

    TopicLayoutHealthIndicator(TopicLayouts layouts) {
        super("Topic layout check failed");
        this.layouts = layouts;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (layouts.unchecked() != null) {
            builder.unknown().withDetail("reason", layouts.unchecked());
        } else if (layouts.differences().isEmpty()) {
            builder.up();
        } else {
            builder.status(DEGRADED).withDetail("differences", layouts.differences());
        }
    }
}
