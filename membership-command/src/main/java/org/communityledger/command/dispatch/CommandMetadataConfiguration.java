package org.communityledger.command.dispatch;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies the command's metadata onto every event it causes. Replaces Axon's default provider, which
 * would overwrite our correlation id with the command message's own id.
 */
@Configuration(proxyBeanMethods = false)
class CommandMetadataConfiguration {

    @Bean
    CorrelationDataProvider commandMetadataProvider() {
        return new SimpleCorrelationDataProvider(
                CommandMetadata.CORRELATION_ID, CommandMetadata.PRINCIPAL, CommandMetadata.IDEMPOTENCY_KEY);
    }
}
