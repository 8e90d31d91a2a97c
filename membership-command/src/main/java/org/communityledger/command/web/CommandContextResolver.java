package org.communityledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityledger.command.dispatch.CommandContext;
import org.communityledger.platform.correlation.CorrelationId;
import org.communityledger.platform.problem.InvalidFieldException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads the headers every command may carry: {@code X-Correlation-Id}, {@code Idempotency-Key} and
 * {@code If-Match}. A malformed one is a 400 naming the header, never silently ignored.
 */
class CommandContextResolver implements HandlerMethodArgumentResolver {

    static final String CORRELATION_ID = CorrelationId.HEADER;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IF_MATCH = "If-Match";

    /** Visible ASCII, as a header value can safely carry and a log can safely print. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");
    /** Never reached while every command needs an authenticated ADMIN; kept so a request is always attributed. */
    private static final String UNAUTHENTICATED = "unauthenticated";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CommandContext.class);
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Principal principal = request.getUserPrincipal();
        return new CommandContext(
                principal == null ? UNAUTHENTICATED : principal.getName(),
                correlationId(request),
                token(IDEMPOTENCY_KEY, request.getHeader(IDEMPOTENCY_KEY)),
                expectedVersion(request.getHeader(IF_MATCH)),
                request.getMethod() + " " + request.getRequestURI());
    }

    /**
     * The header when the request has one (a malformed one is refused), otherwise the id the request logs under,
     * so that the log lines of a request and the metadata of its events name the same id.
     */
    private static String correlationId(HttpServletRequest request) {
        String given = token(CORRELATION_ID, request.getHeader(CORRELATION_ID));
        if (given != null) {
            return given;
        }
        String logged = CorrelationId.of(request);
        return logged == null ? UUID.randomUUID().toString() : logged;
    }

    private static String token(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidFieldException(name, "must be 1 to 200 visible ASCII characters");
        }
        return value;
    }

    private static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidFieldException(IF_MATCH, "must be the community's version as an entity tag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
