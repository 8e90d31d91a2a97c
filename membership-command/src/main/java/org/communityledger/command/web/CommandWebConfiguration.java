package org.communityledger.command.web;

import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web wiring of the command side. */
@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandContextResolver());
    }

    /** {@code @PastOrPresent} at the edge reads the same "today" as the community's rules. */
    @Bean
    ValidationConfigurationCustomizer ledgerClockForValidation(Clock ledgerClock) {
        ClockProvider clockProvider = () -> ledgerClock;
        return configuration -> configuration.clockProvider(clockProvider);
    }
}
