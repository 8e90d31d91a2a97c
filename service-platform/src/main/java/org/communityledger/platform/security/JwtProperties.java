package org.communityledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer tokens from an OAuth2/OpenID issuer, accepted next to HTTP Basic when {@code issuerUri} or
 * {@code jwkSetUri} is set. Off by default.
 *
 * @param issuerUri      the issuer; tokens must carry it as {@code iss}. Alone, its keys are found through the
 *                       issuer's discovery document on first use (so a service starts while the issuer is down).
 *                       Required whenever tokens are accepted
 * @param jwkSetUri      where the signing keys are; takes precedence over discovery. Never alone: a key set says
 *                       whose signatures count, not whose tokens, and one key set may sign for several issuers
 *                       (realms, tenants), so {@code iss} is still checked against {@code issuerUri}
 * @param audience       required with an issuer: tokens must name it in {@code aud}. An issuer serves many
 *                       applications, and without this check a token issued to any of them, for a user who
 *                       holds a role called admin there, would be an ADMIN token here
 * @param rolesClaim     the claim holding the roles, a list or a space-separated string; a dotted path reaches
 *                       into objects, e.g. {@code realm_access.roles} (default {@code roles})
 * @param principalClaim the claim naming the user, recorded as {@code jwt:<value>} in the events a token's
 *                       commands append; a token without it is refused (default {@code sub})
 */
@ConfigurationProperties("ledger.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String audience, String rolesClaim,
                            String principalClaim) {

    public JwtProperties {
        rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
        principalClaim = blank(principalClaim) ? "sub" : principalClaim;
        if (!blank(jwkSetUri) && blank(issuerUri)) {
            throw new IllegalArgumentException("ledger.security.jwt.issuer-uri must be set with jwk-set-uri: every "
                    + "token's iss is checked against it, and without it a token that the same keys signed for "
                    + "another issuer (another realm or tenant) would be accepted here");
        }
        if ((!blank(issuerUri) || !blank(jwkSetUri)) && blank(audience)) {
            throw new IllegalArgumentException("ledger.security.jwt.audience must be set when bearer tokens are "
                    + "accepted (issuer-uri or jwk-set-uri): without it a token issued to another application of the "
                    + "same issuer would be accepted here");
        }
    }

    public boolean enabled() {
        return !blank(issuerUri) || !blank(jwkSetUri);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
