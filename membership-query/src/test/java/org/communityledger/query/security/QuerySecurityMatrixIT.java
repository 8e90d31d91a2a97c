package org.communityledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.communityledger.query.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the query service against every kind of caller. The endpoint list comes from the
 * application's own mappings, so an endpoint added without a row here fails this test.
 */
@QueryServiceTest
class QuerySecurityMatrixIT {

    private static final String PUBLIC = "PUBLIC";
    /** METHOD path -> the accounts that may call it (PUBLIC: anyone, even without credentials). */
    private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        String[] readers = {"viewer", "auditor", "admin"};
        allow("GET /api/communities", readers);
        allow("GET /api/communities/{communityId}", readers);
        allow("GET /api/communities/{communityId}/members", readers);
        allow("GET /api/organizations/{organizationId}", readers);
        allow("GET /api/stats", readers);
        allow("GET /api/admin/projections/status", "admin");
        allow("POST /api/admin/projections/rebuild", "admin");
        allow("GET /v3/api-docs", PUBLIC);
        allow("GET /v3/api-docs.yaml", PUBLIC);
        allow("GET /v3/api-docs/swagger-config", PUBLIC);
        allow("GET /swagger-ui.html", PUBLIC);
        allow("ANY /error", PUBLIC);
        // Checked by hand below rather than called here: the stream stays open, and a rebuild runs.
        allow("GET /api/stream", readers);
        // Not handler methods: actuator endpoints and the dashboard's static files.
        allow("GET /actuator/health", PUBLIC);
        allow("GET /actuator/prometheus", "admin");
        allow("GET /", readers);
        allow("GET /dashboard.js", readers);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_mapped_endpoint_has_a_row_in_the_matrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> patterns = info.getPatternValues();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            patterns.forEach(pattern -> methods.forEach(method -> mapped.add(method + " " + pattern)));
        });
        assertThat(MATRIX.keySet()).as("rows for every mapping of the application").containsAll(mapped);
    }

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() throws Exception {
        for (Map.Entry<String, Set<String>> row : MATRIX.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String path = row.getKey().substring(row.getKey().indexOf(' ') + 1)
                    .replaceAll("\\{[^}]+}", "matrix-id");
            if (method.equals("ANY")) {
                method = "GET";
            }
            Set<String> allowed = row.getValue();
            if (row.getKey().equals("GET /api/stream")) {
                assertThat(call(method, path, null)).as("the stream without credentials").isEqualTo(401);
                for (String account : new String[] {"viewer", "auditor", "admin"}) {
                    assertThat(streamStatus(account)).as("the stream as %s", account).isEqualTo(200);
                }
                continue;
            }
            if (row.getKey().equals("POST /api/admin/projections/rebuild")) {
                // Admin's access is RebuildIT's business: starting a rebuild here would race other tests.
                assertThat(call(method, path, null)).isEqualTo(401);
                assertThat(call(method, path, "Basic " + encode("viewer:viewer"))).isEqualTo(403);
                assertThat(call(method, path, "Basic " + encode("auditor:auditor"))).isEqualTo(403);
                continue;
            }
            int nobody = call(method, path, null);
            int wrongPassword = call(method, path, "Basic " + encode("admin:not-the-password"));
            if (allowed.contains(PUBLIC)) {
                assertThat(nobody).as("%s without credentials", row.getKey()).isNotIn(401, 403);
                continue;
            }
            assertThat(nobody).as("%s without credentials", row.getKey()).isEqualTo(401);
            assertThat(wrongPassword).as("%s with a wrong password", row.getKey()).isEqualTo(401);
            for (String account : new String[] {"viewer", "auditor", "admin"}) {
                int status = call(method, path, "Basic " + encode(account + ":" + account));
                if (allowed.contains(account)) {
                    assertThat(status).as("%s as %s", row.getKey(), account).isNotIn(401, 403);
                } else {
                    assertThat(status).as("%s as %s", row.getKey(), account).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void answers_carry_the_security_headers() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private int call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The status of a stream request, read from its headers; the stream itself is closed at once. */
    private int streamStatus(String account) throws Exception {
        HttpResponse<java.io.InputStream> response = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/stream"))
                        .header("Authorization", "Basic " + encode(account + ":" + account)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    private static void allow(String endpoint, String... accounts) {
        MATRIX.put(endpoint, Set.of(accounts));
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
