package org.communityledger.platform.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's correlation id into the logging context (MDC) while the request is handled, so every log
 * line of the request carries it, and takes it out afterwards: threads serve other requests next. A malformed
 * header is not logged; the request gets a new id (the command side still refuses the header with a 400).
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = CorrelationId.choose(request, request.getHeader(CorrelationId.HEADER));
        MDC.put(CorrelationId.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    /** An error page rendered for the request logs under the request's id too (kept as a request attribute). */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
