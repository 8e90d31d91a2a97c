package org.communityledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The local profile's well-known accounts serve this machine only. */
class LocalAccountsTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void the_local_accounts_refuse_to_load_when_the_service_would_listen_on_every_interface() {
        assertThatThrownBy(() -> accounts(local()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.address is not set")
                .hasMessageContaining("SERVER_ADDRESS=127.0.0.1");
        assertThatThrownBy(() -> accounts(local().withProperty("server.address", "0.0.0.0")))
                .hasMessageContaining("'0.0.0.0', which is not a loopback address");
        assertThatThrownBy(() -> accounts(local().withProperty("server.address", "::")))
                .hasMessageContaining("'::', which is not a loopback address");
    }

    @Test
    void the_local_accounts_refuse_to_load_on_an_address_of_the_network_and_load_on_loopback() {
        assertThatThrownBy(() -> accounts(local().withProperty("server.address", "192.0.2.10")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'192.0.2.10', which is not a loopback address")
                .hasMessageContaining("for this machine only");
        for (String loopback : new String[] {"127.0.0.1", "::1", "localhost"}) {
            UserDetailsService accounts = accounts(local().withProperty("server.address", loopback));

            assertThat(accounts.loadUserByUsername("admin").getAuthorities()).as(loopback)
                    .extracting(Object::toString).containsExactly("ROLE_ADMIN");
        }
    }

    private UserDetailsService accounts(MockEnvironment environment) {
        return configuration.ledgerAccounts(new AccountsProperties(List.of(), Duration.ofMinutes(5)),
                new JwtProperties(null, null, null, null, null), new BCryptPasswordEncoder(4), environment);
    }

    private static MockEnvironment local() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("local");
        return environment;
    }
}
