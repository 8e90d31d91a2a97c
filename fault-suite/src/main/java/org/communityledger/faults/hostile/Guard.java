package org.communityledger.faults.hostile;

import static org.communityledger.faults.hostile.HostileRequest.Service.QUERY;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Last checks on every request: what must never be sent, and what the HTTP client cannot send. */
final class Guard {

    private static final Set<String> NEVER_SENT_METHODS = Set.of("HEAD", "OPTIONS", "TRACE", "CONNECT");
    private static final Set<String> CLIENT_RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "content-type");

    private Guard() {
    }

    static void check(HostileRequest request) {
        require(!NEVER_SENT_METHODS.contains(request.method()), "a method that may succeed or has no body",
                request);
        require(!(request.service() == QUERY && request.method().equals("POST")
                && request.path().toLowerCase(Locale.ROOT).contains("rebuild")), "a POST near the rebuild", request);
        require(request.defect().equals("oversized-body") || request.bodyLength() <= HostileRequests.BODY_BUDGET,
                "a body over the budget", request);
        require(request.defect().equals("oversized-uri") || request.path().length() <= HostileRequests.PATH_BUDGET,
                "a path over the budget", request);
        URI.create("http://localhost" + request.path());
        request.headers().forEach((name, value) -> {
            require(!CLIENT_RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT)), "a restricted header",
                    request);
            require(value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c <= 0xFF && c != 0x7F),
                    "a header value the HTTP client refuses", request);
        });
    }

    private static void require(boolean condition, String what, HostileRequest request) {
        if (!condition) {
            throw new IllegalStateException("generated " + what + ": " + request);
        }
    }
}
