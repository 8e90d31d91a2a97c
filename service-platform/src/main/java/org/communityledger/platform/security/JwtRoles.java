package org.communityledger.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps a token's roles claim to the ledger's roles. Names are matched without regard to case and an
 * optional {@code ROLE_} prefix; names that are not ledger roles (an issuer serves many applications) are
 * ignored, so a token grants at most what an account could.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Set<String> LEDGER_ROLES = Set.of(LedgerRoles.ADMIN, LedgerRoles.AUDITOR, LedgerRoles.VIEWER,
            LedgerRoles.METRICS);

    private final String[] rolesPath;
    private final String principalClaim;

    JwtRoles(String rolesClaim, String principalClaim) {
        this.rolesPath = rolesClaim.split("\\.");
        this.principalClaim = principalClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : names(claim(jwt.getClaims()))) {
            String role = name.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            if (LEDGER_ROLES.contains(role)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        // Prefixed, so that a token user and an HTTP Basic account with the same name differ in the events.
        return new JwtAuthenticationToken(jwt, authorities, "jwt:" + jwt.getClaimAsString(principalClaim));
    }

    private Object claim(Map<String, Object> claims) {
        Object value = claims;
        for (String step : rolesPath) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }

    private static List<String> names(Object claim) {
        if (claim instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
