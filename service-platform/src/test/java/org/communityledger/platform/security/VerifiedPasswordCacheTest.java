package org.communityledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final MovableClock clock = new MovableClock();
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5), clock);
    private final String hash = bcrypt.encode("correct horse");

    @Test
    void a_password_that_matched_is_not_hashed_again_within_its_lifetime() {
        assertThat(cache.matches("correct horse", hash)).isTrue();
        assertThat(cache.matches("correct horse", hash)).isTrue();
        assertThat(cache.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void a_wrong_password_is_checked_in_full_every_time() {
        assertThat(cache.matches("correct horse", hash)).isTrue();
        assertThat(cache.matches("wrong horse", hash)).isFalse();
        assertThat(cache.matches("wrong horse", hash)).isFalse();
        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void after_its_lifetime_a_password_is_checked_again() {
        cache.matches("correct horse", hash);
        clock.advance(Duration.ofMinutes(5).plusMillis(1));
        assertThat(cache.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    @Test
    void a_new_hash_for_the_account_is_not_served_by_the_old_entry() {
        cache.matches("correct horse", hash);
        String changed = bcrypt.encode("battery staple");
        assertThat(cache.matches("correct horse", changed)).isFalse();
        assertThat(cache.matches("battery staple", changed)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(3);
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
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
