package org.communityledger.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Accounts for both services: those from configuration, plus, only under the {@code local} profile that
 * {@code ./ledger up} uses and only on a loopback address ({@link LocalAccounts}), admin/admin, auditor/auditor,
 * viewer/viewer and metrics/metrics, announced with a warning.
 */
@AutoConfiguration
@EnableConfigurationProperties({AccountsProperties.class, JwtProperties.class, CorsProperties.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    LedgerHttpSecurity ledgerHttpSecurity(JwtProperties jwt, CorsProperties cors,
                                          AuthenticationManager accountAuthentication) {
        return new LedgerHttpSecurity(jwt, cors, accountAuthentication);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** HTTP Basic against the accounts, with successful sign-ins remembered briefly (RememberedAuthentications). */
    @Bean
    AuthenticationManager accountAuthentication(UserDetailsService accounts, PasswordEncoder encoder,
                                                AccountsProperties properties) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        AuthenticationProvider provider = properties.verifiedPasswordLifetime().isZero() ? passwords
                : new RememberedAuthentications(passwords, properties.verifiedPasswordLifetime(), Clock.systemUTC());
        return new ProviderManager(provider);
    }

    @Bean
    UserDetailsService ledgerAccounts(AccountsProperties properties, JwtProperties jwt, PasswordEncoder encoder,
                                      Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        properties.accounts().forEach(account -> users.add(User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.roles().toArray(String[]::new))
                .build()));
        if (environment.matchesProfiles("local")) {
            users.addAll(LocalAccounts.forThisMachineOnly(environment, encoder));
            log.warn("LOCAL ACCOUNTS admin/admin, auditor/auditor, viewer/viewer, metrics/metrics are enabled "
                    + "(profile 'local'), on {} only. "
                    + "They are for this machine only; never run the local profile anywhere else.",
                    environment.getProperty(LocalAccounts.ADDRESS_PROPERTY));
        } else if (users.isEmpty() && !jwt.enabled()) {
            log.warn("Neither accounts (ledger.security.accounts) nor a token issuer (ledger.security.jwt) are "
                    + "configured: every protected endpoint answers 401.");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
