package org.communityledger.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * The service's overall health as a metric, so that an alert can fire on it: Prometheus scrapes metrics, not
 * the health endpoint. {@code ledger_health_up} is 1 while the health is UP and 0 otherwise (DOWN, DEGRADED,
 * OUT_OF_SERVICE); the health components say why. Read when scraped, from the same checks as the endpoint.
 */
@AutoConfiguration
@ConditionalOnClass({HealthEndpoint.class, MeterRegistry.class})
public class HealthGaugeConfiguration {

    static final String HEALTH_UP = "ledger.health.up";

    @Bean
    Gauge ledgerHealthGauge(MeterRegistry meters, ObjectProvider<HealthEndpoint> health) {
        return Gauge.builder(HEALTH_UP, health, endpoint -> isUp(endpoint) ? 1 : 0)
                .description("1 while the service's health is UP, 0 otherwise")
                .register(meters);
    }

    private static boolean isUp(ObjectProvider<HealthEndpoint> health) {
        HealthEndpoint endpoint = health.getIfAvailable();
        return endpoint != null && Status.UP.equals(endpoint.health().getStatus());
    }
}
