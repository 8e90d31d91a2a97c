package org.communityledger.platform.correlation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Every request of either service logs under its correlation id. */
@AutoConfiguration
public class CorrelationConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // First of all filters, so that what the limit filters and security log carries the id as well.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
