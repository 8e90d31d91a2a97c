package org.communityledger.command.web;

import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.PlaqueId;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web wiring of the command side. */
@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandContextResolver());
    }

    /**
     * Path and query values become the shared value types at the edge; what a type refuses is a 400 naming the
     * field with the type's reason (see the platform's problem handler).
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, CommunityId.class, CommunityId::of);
        registry.addConverter(String.class, OrganizationId.class, OrganizationId::of);
        registry.addConverter(String.class, PlaqueId.class, PlaqueId::of);
        registry.addConverter(String.class, AgreementId.class, AgreementId::of);
        registry.addConverter(String.class, MemberRole.class, CommandWebConfiguration::role);
    }

    /** A role by its name; an unknown one is refused with the names there are. */
    private static MemberRole role(String name) {
        try {
            return MemberRole.valueOf(name);
        } catch (IllegalArgumentException e) {
            // Not chained: the enum's own message repeats the value sent.
            throw new IllegalArgumentException("must be one of " + Arrays.toString(MemberRole.values()));
        }
    }

    /** {@code @PastOrPresent} at the edge reads the same "today" as the community's rules. */
    @Bean
    ValidationConfigurationCustomizer ledgerClockForValidation(Clock ledgerClock) {
        ClockProvider clockProvider = () -> ledgerClock;
        return configuration -> configuration.clockProvider(clockProvider);
    }
}
