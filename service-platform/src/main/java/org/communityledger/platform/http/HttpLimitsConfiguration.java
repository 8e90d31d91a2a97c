package org.communityledger.platform.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Applies the request limits to every endpoint of the service. */
@AutoConfiguration
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class HttpLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpLimitsProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestTargetLimitFilter> requestTargetLimitFilter(HttpLimitsProperties properties) {
        FilterRegistrationBean<RequestTargetLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestTargetLimitFilter(properties.maxUriLength()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
