package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityledger.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

/**
 * Every ledger.* setting of this module reaches an operator's IDE described, and with its default unless it has
 * none by design (what is optional: a key, an address, a node's name).
 */
class ConfigurationMetadataTest {

    private final ConfigurationMetadata metadata = ConfigurationMetadata.of(MembershipCommandApplication.class);

    @Test
    void every_setting_is_described_and_declares_its_default_unless_it_is_optional() {
        assertThat(metadata.settings()).isNotEmpty();
        assertThat(metadata.undescribed()).isEmpty();
        assertThat(metadata.withoutDefault()).containsExactlyInAnyOrder(
                "ledger.publisher.node-id", "ledger.transparency.publish.directory",
                "ledger.transparency.publish.url", "ledger.transparency.signing-key",
                "ledger.transparency.signing-key-file");
    }
}
