package org.communityledger.client.health;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Spring Boot's health endpoint of either service; open to everyone. A service that is DOWN answers 503 with
 * the same document, which this API returns like any other answer.
 */
@HttpExchange(url = "/actuator/health", accept = {"application/vnd.spring-boot.actuator.v3+json", "application/json"})
public interface HealthApi {

    @GetExchange
    Health health();
}
