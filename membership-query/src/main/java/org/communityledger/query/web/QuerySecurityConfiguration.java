package org.communityledger.query.web;

import static org.communityledger.platform.security.LedgerRoles.ADMIN;
import static org.communityledger.platform.security.LedgerRoles.READERS;

import org.communityledger.platform.security.LedgerHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who reaches what on the query service: views and stream for readers, rebuilds for ADMIN, the dashboard's page
 * and scripts for anyone.
 */
@Configuration(proxyBeanMethods = false)
class QuerySecurityConfiguration {

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, LedgerHttpSecurity ledger) throws Exception {
        return ledger.filterChain(http, requests -> requests
                .requestMatchers("/api/admin/**").hasRole(ADMIN)
                // The page and its scripts hold no data, and a browser cannot send a bearer token when it
                // navigates: they are open, and the page signs in for the API itself (Basic or a token).
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/webjars/**", "/favicon.ico")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(READERS));
    }
}
