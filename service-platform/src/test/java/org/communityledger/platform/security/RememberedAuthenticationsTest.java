package org.communityledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** HTTP Basic sign-ins remembered briefly, in front of Spring Security's own password check. */
class RememberedAuthenticationsTest {

    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final MovableClock clock = new MovableClock();
    private final RememberedAuthentications signIns = new RememberedAuthentications(passwordCheck(),
            Duration.ofMinutes(5), clock);

    @Test
    void a_successful_sign_in_is_not_checked_again_within_its_lifetime() {
        Authentication first = signIns.authenticate(basic("alice", "correct horse"));
        Authentication second = signIns.authenticate(basic("alice", "correct horse"));

        assertThat(bcrypt.checks.get()).isEqualTo(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("alice");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void a_wrong_password_is_checked_in_full_every_time() {
        signIns.authenticate(basic("alice", "correct horse"));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> signIns.authenticate(basic("alice", "wrong horse")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void an_unknown_account_always_costs_a_full_check_whatever_the_password() {
        // Spring Security checks a made-up hash for unknown accounts so that they take as long as known ones;
        // remembering that check would tell an attacker which accounts exist.
        for (String password : new String[] {"userNotFoundPassword", "userNotFoundPassword", "anything"}) {
            assertThatThrownBy(() -> signIns.authenticate(basic("mallory", password)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void after_its_lifetime_a_sign_in_is_checked_again() {
        signIns.authenticate(basic("alice", "correct horse"));
        clock.advance(Duration.ofMinutes(5).plusMillis(1));
        assertThat(signIns.authenticate(basic("alice", "correct horse")).isAuthenticated()).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    private DaoAuthenticationProvider passwordCheck() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("alice").password(bcrypt.encode("correct horse")).roles("ADMIN").build()));
        provider.setPasswordEncoder(bcrypt);
        return provider;
    }

    private static UsernamePasswordAuthenticationToken basic(String account, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(account, password);
    }

    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder delegate;
        private final AtomicInteger checks = new AtomicInteger();

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
