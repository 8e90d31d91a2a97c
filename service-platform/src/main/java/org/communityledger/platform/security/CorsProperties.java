package org.communityledger.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for browser applications served from elsewhere (a dashboard on an intranet portal).
 * Closed unless origins are listed: then those origins may call {@code /api/**} with the methods and
 * headers the API uses, and read the headers it answers with.
 *
 * @param allowedOrigins exact origins, e.g. {@code https://portal.example.edu.cn} (default none: closed)
 * @param maxAge         how long a browser may cache a preflight answer (default 30 min)
 */
@ConfigurationProperties("ledger.security.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (allowedOrigins.stream().anyMatch(origin -> origin.contains("*"))) {
            throw new IllegalArgumentException("ledger.security.cors.allowed-origins must list exact origins: with "
                    + "credentials allowed, a wildcard would let any web page act as a signed-in user");
        }
    }

    public boolean open() {
        return !allowedOrigins.isEmpty();
    }
}
