package org.communityledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem bodies. The 401 carries the Basic challenge, except to a page's own requests
 * ({@code X-Requested-With: XMLHttpRequest}); a refused bearer token gets a Bearer challenge instead.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "community-ledger";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // RFC 6750: a rejected token is named as such; the detail never says why, which would help a forger.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "The bearer token was not accepted (signature, issuer, audience or expiry).");
            return;
        }
        // A page's own requests say so (the dashboard signs in with its own form): a Basic challenge would make the
        // browser put up its login dialog over the page, so they get the problem without one.
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Authentication required",
                "This endpoint needs credentials (HTTP Basic, or a bearer token where an issuer is configured).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
                "Your account does not have the role this endpoint needs.");
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:community-ledger:problem:" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
