package org.communityledger.platform.correlation;

import jakarta.servlet.ServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties every log line of a request (and, on the command side, the events it records) together: the
 * request's {@code X-Correlation-Id} when it is well formed, otherwise one made for the request.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Where log lines find it: every line logged while the request is handled carries this field. */
    public static final String MDC_KEY = "correlationId";

    /** Visible ASCII, as a header value can safely carry and a log can safely print; the command side's rule. */
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final String ATTRIBUTE = CorrelationId.class.getName();

    private CorrelationId() {
    }

    /** The request's id as {@link CorrelationIdFilter} chose it, or null when the filter did not see the request. */
    public static String of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    static String choose(ServletRequest request, String header) {
        String chosen = of(request);
        if (chosen == null) {
            chosen = header != null && WELL_FORMED.matcher(header).matches() ? header : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, chosen);
        }
        return chosen;
    }
}
