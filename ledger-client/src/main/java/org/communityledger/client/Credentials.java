package org.communityledger.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Who the client speaks as: an account of HTTP Basic, a bearer token (OAuth2/OpenID Connect), or nobody (only
 * the open endpoints, such as health, answer then). The services accept either kind on every request.
 */
public sealed interface Credentials {

    static Credentials basic(String user, String password) {
        return new Basic(user, password);
    }

    static Credentials bearer(String token) {
        return new Bearer(token);
    }

    static Credentials none() {
        return new None();
    }

    /** The value of the {@code Authorization} header, if any. */
    Optional<String> authorization();

    /** An account name and its password. */
    record Basic(String user, String password) implements Credentials {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Basic " + HttpHeaders.encodeBasicAuth(user, password, StandardCharsets.UTF_8));
        }

        /** Never prints the password: credentials end up in log lines and exception messages. */
        @Override
        public String toString() {
            return "Basic[" + user + "]";
        }
    }

    /** A token issued by the configured issuer. */
    record Bearer(String token) implements Credentials {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "Bearer[…]";
        }
    }

    /** No credentials at all. */
    record None() implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }
    }
}
