package org.communityledger.faults.hostile;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request that the contract refuses: whatever the services do with it, the right answer is a 4xx problem
 * body and no new event.
 *
 * @param service     which service it is sent to
 * @param endpoint    the endpoint it aims at, as method and path template (e.g. {@code POST /api/communities}),
 *                    even when the request itself uses another method or a mangled path
 * @param method      the HTTP method sent
 * @param path        the path with its query string, percent-encoded, relative to the service's base URL
 * @param contentType the {@code Content-Type} sent, or null for none
 * @param headers     further headers; an {@code Authorization} here replaces the runner's credentials
 * @param body        the body bytes, empty for none
 * @param chunked     sent without a declared length, so that a size limit must count while reading
 * @param defect      what is wrong with it, a short label such as {@code broken-json}
 */
public record HostileRequest(Service service, String endpoint, String method, String path, String contentType,
                             Map<String, String> headers, byte[] body, boolean chunked, String defect) {

    /** The two services of the ledger. */
    public enum Service {
        COMMAND,
        QUERY
    }

    public HostileRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(defect, "defect");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy: the request stays as it was generated, so a rerun with the same seed sends the same bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body length without copying a body that may be hundreds of kilobytes. */
    int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostileRequest that
                && service == that.service && chunked == that.chunked
                && endpoint.equals(that.endpoint) && method.equals(that.method) && path.equals(that.path)
                && Objects.equals(contentType, that.contentType) && headers.equals(that.headers)
                && Arrays.equals(body, that.body) && defect.equals(that.defect);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, endpoint, method, path, contentType, headers, Arrays.hashCode(body), chunked,
                defect);
    }

    /** Short enough for a log line: a path or body can be tens of kilobytes. */
    @Override
    public String toString() {
        String shownPath = path.length() <= 160 ? path : path.substring(0, 160) + "...(" + path.length() + " chars)";
        return service + " " + method + " " + shownPath + " [" + defect + "] " + body.length + " bytes"
                + (chunked ? " chunked" : "");
    }
}
