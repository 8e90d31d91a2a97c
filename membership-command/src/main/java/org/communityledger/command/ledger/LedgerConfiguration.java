package org.communityledger.command.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's seal: every append goes through {@link SealingAppend}. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    SealingAppend sealingAppend() {
        return new SealingAppend();
    }
}
