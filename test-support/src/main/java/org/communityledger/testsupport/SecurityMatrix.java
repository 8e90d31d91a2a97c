package org.communityledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Which local account may call which endpoint of a service, and the check of every row against every kind
 * of caller: no credentials, a wrong password, viewer, auditor, admin, metrics (each local account's password
 * is its name). Rows are "METHOD path" as the application maps them; PUBLIC means anyone. An allowed caller must
 * get an answer below 500, and a 404 only where the path names a resource (the placeholder id names none):
 * a row whose path the application does not serve fails, as does an endpoint that breaks.
 */
public final class SecurityMatrix {

    public static final String PUBLIC = "PUBLIC";
    private static final String[] ACCOUNTS = {"viewer", "auditor", "admin", "metrics"};

    private final Map<String, Set<String>> rows = new LinkedHashMap<>();
    /** Rows served outside the handler mappings (actuator endpoints, static files). */
    private final Set<String> servedElsewhere = new TreeSet<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public SecurityMatrix allow(String endpoint, String... accounts) {
        rows.put(endpoint, Set.of(accounts));
        return this;
    }

    /** A row for an endpoint that the handler mappings do not list, such as actuator's or a static file. */
    public SecurityMatrix allowServedElsewhere(String endpoint, String... accounts) {
        servedElsewhere.add(endpoint);
        return allow(endpoint, accounts);
    }

    /**
     * Fails when the application maps an endpoint that has no row here, or when a row (other than those served
     * elsewhere) names no mapping of the application: a typo in a row would otherwise check nothing.
     */
    public void assertMatchesMappings(RequestMappingHandlerMapping mappings) {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            info.getPatternValues().forEach(pattern -> methods.forEach(method -> mapped.add(method + " " + pattern)));
        });
        Set<String> mappedRows = new TreeSet<>(rows.keySet());
        mappedRows.removeAll(servedElsewhere);
        assertThat(mappedRows).as("rows against the mappings of the application").containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** Calls every row except those named as every caller, with {} as body and placeholders for path variables. */
    public void assertEveryRow(int port, Set<String> checkedElsewhere) throws Exception {
        for (Map.Entry<String, Set<String>> row : rows.entrySet()) {
            if (checkedElsewhere.contains(row.getKey())) {
                continue;
            }
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            method = method.equals("ANY") ? "GET" : method;
            String path = row.getKey().substring(row.getKey().indexOf(' ') + 1).replaceAll("\\{[^}]+}", "matrix-id");
            int nobody = call(port, method, path, null);
            if (row.getValue().contains(PUBLIC)) {
                assertAllowed(nobody, row.getKey(), "without credentials");
                continue;
            }
            assertThat(nobody).as("%s without credentials", row.getKey()).isEqualTo(401);
            assertThat(call(port, method, path, basic("admin", "not-the-password")))
                    .as("%s with a wrong password", row.getKey()).isEqualTo(401);
            for (String account : ACCOUNTS) {
                int status = call(port, method, path, basic(account, account));
                if (row.getValue().contains(account)) {
                    assertAllowed(status, row.getKey(), "as " + account);
                } else {
                    assertThat(status).as("%s as %s", row.getKey(), account).isEqualTo(403);
                }
            }
        }
    }

    /**
     * An allowed caller's answer: not refused, not broken, and found unless the path names a resource by the
     * placeholder id (then a 404 says that no such resource exists, which is an answer of the endpoint).
     */
    private static void assertAllowed(int status, String row, String caller) {
        assertThat(status).as("%s %s", row, caller).isNotIn(401, 403).isLessThan(500);
        boolean namesAResource = row.contains("{");
        // The error page, called with no error to render, answers 404 by design.
        boolean errorPage = row.endsWith(" /error");
        if (!namesAResource && !errorPage) {
            assertThat(status).as("%s %s: a path without variables must be served", row, caller).isNotEqualTo(404);
        }
    }

    /** The status of one call; the answer's body is discarded. */
    public int call(int port, String method, String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The status of a request whose answer never ends (a stream), read from its headers. */
    public int statusOfStream(int port, String path, String authorization) throws Exception {
        HttpResponse<InputStream> response = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    /** A browser's CORS preflight for a GET with credentials from {@code origin}. */
    public HttpResponse<String> preflight(int port, String path, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET from a page of {@code origin}, with credentials. */
    public HttpResponse<String> crossOriginGet(int port, String path, String origin, String authorization)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Origin", origin).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** With no origins configured, no origin is told it may read an answer, and a preflight is refused. */
    public void assertCorsClosed(int port, String path, String authorization) throws Exception {
        HttpResponse<String> preflight = preflight(port, path, "https://portal.example.org");
        assertThat(preflight.statusCode()).as("preflight of %s", path).isEqualTo(401);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> get = crossOriginGet(port, path, "https://portal.example.org", authorization);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).as("cross-origin GET of %s", path).isEmpty();
    }

    public static String basic(String account, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
