package org.communityledger.client.health;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Spring Boot's health endpoint of either service. Anyone may read the status; the components and their details
 * come only with credentials (any role). A service that is DOWN answers 503 with the same document, which this API
 * returns like any other answer.
 */
@HttpExchange(url = "/actuator/health", accept = {"application/vnd.spring-boot.actuator.v3+json", "application/json"})
public interface HealthApi {

    @GetExchange
    Health health();
}
