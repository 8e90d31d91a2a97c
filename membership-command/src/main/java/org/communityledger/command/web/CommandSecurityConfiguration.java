package org.communityledger.command.web;

import static org.communityledger.platform.security.LedgerRoles.ADMIN;
import static org.communityledger.platform.security.LedgerRoles.AUDITOR;

import org.communityledger.platform.security.LedgerHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who reaches what on the command service: commands are ADMIN's, the audit API AUDITOR's. */
@Configuration(proxyBeanMethods = false)
class CommandSecurityConfiguration {

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, LedgerHttpSecurity ledger) throws Exception {
        return ledger.filterChain(http, requests -> requests
                // The auditor's page holds no data and signs in for the API itself, as the dashboard does.
                .requestMatchers(HttpMethod.GET, "/audit.html", "/assets/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/audit/**").hasRole(AUDITOR)
                .requestMatchers(HttpMethod.POST, "/api/audit/digest/verify", "/api/audit/checkpoint/verify")
                .hasRole(AUDITOR)
                .requestMatchers(HttpMethod.POST, "/api/communities", "/api/communities/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/communities/**").hasRole(ADMIN));
    }
}
