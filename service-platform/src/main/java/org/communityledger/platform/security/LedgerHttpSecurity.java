package org.communityledger.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What both services' security shares: stateless HTTP Basic, no sessions or CSRF tokens (nothing is
 * remembered between requests), problem bodies for 401 and 403, Spring Security's default security headers,
 * and CORS closed unless a service configures it. Each service then states which role reaches which path.
 */
public final class LedgerHttpSecurity {

    private LedgerHttpSecurity() {
    }

    public static HttpSecurity baseline(HttpSecurity http) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(Customizer.withDefaults());
    }
}
