package org.communityledger.client.metrics;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The metrics of either service in Prometheus' text format; for the roles ADMIN and METRICS. */
@HttpExchange("/actuator/prometheus")
public interface MetricsApi {

    /** The raw exposition text; {@link PrometheusMetrics#parse(String)} reads it. */
    @GetExchange(accept = "text/plain")
    String prometheus();

    /** The metrics, parsed. */
    default PrometheusMetrics metrics() {
        return PrometheusMetrics.parse(prometheus());
    }
}
