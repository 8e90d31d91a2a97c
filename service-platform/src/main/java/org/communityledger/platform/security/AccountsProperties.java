package org.communityledger.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts for HTTP Basic, from configuration (environment, a secret store): never committed. The password
 * is stored as an encoded hash with its scheme, e.g. {@code {bcrypt}$2a$10$...}.
 */
@ConfigurationProperties("ledger.security")
public record AccountsProperties(List<Account> accounts) {

    public AccountsProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public record Account(String username, String passwordHash, List<String> roles) {
    }
}
