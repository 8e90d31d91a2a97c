package org.communityledger.query.web;

import static org.communityledger.platform.security.LedgerRoles.ADMIN;
import static org.communityledger.platform.security.LedgerRoles.READERS;

import org.communityledger.platform.security.LedgerHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who reaches what on the query service: views, stream and dashboard for readers, rebuilds for ADMIN. */
@Configuration(proxyBeanMethods = false)
class QuerySecurityConfiguration {

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, LedgerHttpSecurity ledger) throws Exception {
        return ledger.filterChain(http, requests -> requests
                .requestMatchers("/api/admin/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard.js", "/dashboard.css", "/favicon.ico",
                        "/api/**").hasAnyRole(READERS));
    }
}
