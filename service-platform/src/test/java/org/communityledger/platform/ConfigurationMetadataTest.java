package org.communityledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityledger.platform.http.HttpLimitsProperties;
import org.communityledger.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

/**
 * Every ledger.* setting of this module reaches an operator's IDE described, and with its default unless it has
 * none by design (what is optional: a key, an address, a node's name).
 */
class ConfigurationMetadataTest {

    private final ConfigurationMetadata metadata = ConfigurationMetadata.of(HttpLimitsProperties.class);

    @Test
    void every_setting_is_described_and_declares_its_default_unless_it_is_optional() {
        assertThat(metadata.settings()).isNotEmpty();
        assertThat(metadata.undescribed()).isEmpty();
        assertThat(metadata.withoutDefault()).containsExactlyInAnyOrder(
                "ledger.kafka.min-insync-replicas", "ledger.security.accounts",
                "ledger.security.cors.allowed-origins", "ledger.security.jwt.audience",
                "ledger.security.jwt.issuer-uri", "ledger.security.jwt.jwk-set-uri",
                "ledger.security.jwt.principal-claim", "ledger.security.jwt.roles-claim");
    }
}
