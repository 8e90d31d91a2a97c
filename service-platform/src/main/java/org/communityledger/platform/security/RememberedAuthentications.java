package org.communityledger.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers, for a short while, that an account signed in with a password, so that a script sending HTTP
 * Basic on every request pays for bcrypt (tens of milliseconds by design) once, not per request. Only whole
 * successful sign-ins of existing accounts are remembered: a wrong password or an unknown account always
 * costs the full check, which keeps guessing slow and gives no timing hint about which accounts exist.
 * Entries are keyed by an HMAC of account and password under a key made at start-up and never stored, so the
 * cache holds nothing that could be attacked offline.
 */
final class RememberedAuthentications implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(Authentication authentication, long until) {
    }

    private final AuthenticationProvider delegate;
    private final Duration lifetime;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Remembered> signIns = new ConcurrentHashMap<>();

    RememberedAuthentications(AuthenticationProvider delegate, Duration lifetime, Clock clock) {
        this.delegate = delegate;
        this.lifetime = lifetime;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request.getCredentials() instanceof String password) || request.getName() == null) {
            return delegate.authenticate(request);
        }
        String entry = entryFor(request.getName(), password);
        long now = clock.millis();
        Remembered remembered = signIns.get(entry);
        if (remembered != null && remembered.until() > now) {
            UsernamePasswordAuthenticationToken again = UsernamePasswordAuthenticationToken.authenticated(
                    remembered.authentication().getPrincipal(), null, remembered.authentication().getAuthorities());
            again.setDetails(request.getDetails());
            return again;
        }
        signIns.remove(entry);
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            if (signIns.size() >= MAX_ENTRIES) {
                signIns.values().removeIf(old -> old.until() <= now);
                if (signIns.size() >= MAX_ENTRIES) {
                    signIns.clear();
                }
            }
            signIns.put(entry, new Remembered(result, now + lifetime.toMillis()));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private String entryFor(String account, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(account.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
