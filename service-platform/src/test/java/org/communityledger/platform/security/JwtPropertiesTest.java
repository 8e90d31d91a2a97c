package org.communityledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bearer tokens are accepted only with every check configured. */
class JwtPropertiesTest {

    private static final String ISSUER = "https://login.example.edu.cn/realms/ledger";
    private static final String KEYS = "https://login.example.edu.cn/realms/ledger/protocol/openid-connect/certs";

    @Test
    void a_key_set_without_an_issuer_refuses_to_start_so_that_iss_is_always_checked() {
        assertThatThrownBy(() -> new JwtProperties(null, KEYS, "community-ledger", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.security.jwt.issuer-uri must be set with jwk-set-uri");
        assertThatThrownBy(() -> new JwtProperties(" ", KEYS, "community-ledger", null, null))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(new JwtProperties(ISSUER, KEYS, "community-ledger", null, null).enabled()).isTrue();
    }
}
