package org.communityledger.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts for HTTP Basic, from configuration (environment, a secret store): never committed. The password
 * is stored as an encoded hash with its scheme, e.g. {@code {bcrypt}$2a$10$...}.
 *
 * @param accounts                 the accounts
 * @param verifiedPasswordLifetime how long a password that matched is taken as verified without checking its
 *                                 hash again (default 5 min; 0 checks every request)
 */
@ConfigurationProperties("ledger.security")
public record AccountsProperties(@DefaultValue List<Account> accounts,
                                 @DefaultValue("5m") Duration verifiedPasswordLifetime) {

    public AccountsProperties {
        accounts = List.copyOf(accounts);
    }

    public record Account(String username, String passwordHash, List<String> roles) {
    }
}
