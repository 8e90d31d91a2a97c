package org.communityledger.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request target (path and query, as sent) over the limit with a 414 problem before security or
 * routing read it. Tomcat's header limit is set well above this one on purpose: Tomcat refuses an oversized
 * head by closing the connection without reading the rest of the request, and a client still sending then
 * gets a reset instead of the answer. Read whole and refused here, the request gets its 414, and Tomcat drains
 * the body before it closes the connection (it closes after every 414), so the answer is not lost.
 */
class RequestTargetLimitFilter extends OncePerRequestFilter {

    private final int limit;

    RequestTargetLimitFilter(int limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        long length = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (length > limit) {
            ProblemResponse.write(response, HttpServletResponse.SC_REQUEST_URI_TOO_LONG,
                    "urn:community-ledger:problem:uri-too-long", "URI too long",
                    "The request's path and query are longer than " + limit + " characters.");
            return;
        }
        chain.doFilter(request, response);
    }
}
