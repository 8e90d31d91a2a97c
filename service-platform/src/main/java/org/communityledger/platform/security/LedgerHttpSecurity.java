package org.communityledger.platform.security;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * What both services' security shares: stateless HTTP Basic (and bearer tokens when an issuer is configured),
 * no sessions or CSRF tokens (nothing is remembered between requests), problem bodies for 401 and 403,
 * Spring Security's default security headers, and CORS closed unless origins are configured. Each service
 * then states which role reaches which path.
 */
public final class LedgerHttpSecurity {

    private final JwtProperties jwt;
    private final CorsProperties cors;
    private final AuthenticationManager accountAuthentication;

    LedgerHttpSecurity(JwtProperties jwt, CorsProperties cors, AuthenticationManager accountAuthentication) {
        this.jwt = jwt;
        this.cors = cors;
        this.accountAuthentication = accountAuthentication;
    }

    /**
     * The service's filter chain: the baseline, then the paths every service shares (health, info, the OpenAPI
     * document, Swagger UI and error pages open, health's components shown to signed-in callers only by
     * {@code management.endpoint.health.show-details}; metrics for METRICS and ADMIN; the rest of actuator
     * ADMIN's), then the service's own rules; any path without a rule is closed.
     */
    public SecurityFilterChain filterChain(HttpSecurity http,
            Consumer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> serviceRules)
            throws Exception {
        return baseline(http)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
                                    "/swagger-ui.html").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers("/actuator/prometheus").hasAnyRole(LedgerRoles.METRICS, LedgerRoles.ADMIN)
                            .requestMatchers("/actuator/**").hasRole(LedgerRoles.ADMIN);
                    serviceRules.accept(requests);
                    requests.anyRequest().denyAll();
                })
                .build();
    }

    private HttpSecurity baseline(HttpSecurity http) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        http.authenticationManager(accountAuthentication)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    /**
                     * Security headers written before the request is handled, not after: a live stream's events
                     * are sent from other threads, which commit the response while the request thread would
                     * still be writing headers after the handler returned; Tomcat's header list is not safe for
                     * that, and one such collision ended a stream with a NullPointerException in CI.
                     */
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        if (cors.open()) {
            http.cors(configurer -> configurer.configurationSource(corsSource()));
        } else {
            // No CORS filter at all: a preflight is an unauthenticated OPTIONS request, and answered as one.
            http.cors(AbstractHttpConfigurer::disable);
        }
        if (jwt.enabled()) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(tokens -> tokens.authenticationManager(tokenAuthentication())));
        }
        return http;
    }

    /** Bearer tokens get their own manager: the shared one checks account passwords only. */
    private AuthenticationManager tokenAuthentication() {
        JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder());
        tokens.setJwtAuthenticationConverter(new JwtRoles(jwt.rolesClaim(), jwt.principalClaim()));
        return new ProviderManager(tokens);
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = JwtProperties.blank(jwt.jwkSetUri())
                ? NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build()
                : NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        // The issuer is always configured (JwtProperties refuses a key set alone), so iss is always checked.
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(jwt.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(jwt.audience())),
                // Events record who issued a command: a token that does not say who it is for is refused.
                new JwtClaimValidator<Object>(jwt.principalClaim(),
                        principal -> principal instanceof String name && !name.isBlank()));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private UrlBasedCorsConfigurationSource corsSource() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.IF_MATCH, "Idempotency-Key", "X-Correlation-Id", "Last-Event-ID"));
        configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        configuration.setAllowCredentials(true);
        configuration.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }
}
