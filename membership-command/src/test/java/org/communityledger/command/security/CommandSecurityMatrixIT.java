package org.communityledger.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityledger.testsupport.SecurityMatrix.PUBLIC;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.communityledger.command.CommandServiceTest;
import org.communityledger.testsupport.SecurityMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the command service against every kind of caller. The endpoint list comes from the
 * application's own mappings, so an endpoint added without a row here fails this test.
 */
@CommandServiceTest
class CommandSecurityMatrixIT {

    private static final SecurityMatrix MATRIX = new SecurityMatrix();

    static {
        MATRIX.allow("POST /api/communities", "admin");
        for (String command : new String[] {"/constitution", "/organizational-list", "/members",
                "/members/{organizationId}/leave", "/members/{organizationId}/roles", "/plaques",
                "/plaques/{plaqueId}/revoke", "/agreements", "/agreements/{agreementId}/terminate", "/dissolve"}) {
            MATRIX.allow("POST /api/communities/{communityId}" + command, "admin");
        }
        MATRIX.allow("DELETE /api/communities/{communityId}/members/{organizationId}/roles/{role}", "admin")
                .allow("GET /api/audit/communities/{communityId}/events", "auditor")
                .allow("GET /api/audit/events", "auditor")
                .allow("GET /api/audit/communities/{communityId}/state", "auditor")
                .allow("GET /api/audit/communities/{communityId}/verify", "auditor")
                .allow("GET /api/audit/digest", "auditor")
                .allow("POST /api/audit/digest/verify", "auditor")
                .allow("GET /api/audit/export", "auditor")
                .allow("GET /api/audit/checkpoint", "auditor")
                .allow("POST /api/audit/checkpoint/verify", "auditor")
                .allow("GET /api/audit/verifier-key", "auditor")
                .allow("GET /api/audit/proofs/inclusion", "auditor")
                .allow("GET /api/audit/proofs/consistency", "auditor")
                .allow("GET /v3/api-docs", PUBLIC)
                .allow("GET /v3/api-docs.yaml", PUBLIC)
                .allow("GET /v3/api-docs/swagger-config", PUBLIC)
                .allow("GET /swagger-ui.html", PUBLIC)
                .allow("ANY /error", PUBLIC)
                .allowServedElsewhere("GET /actuator/health", PUBLIC)
                .allowServedElsewhere("GET /actuator/prometheus", "admin", "metrics")
                .allowServedElsewhere("GET /audit.html", PUBLIC)
                .allowServedElsewhere("GET /assets/audit.js", PUBLIC)
                .allowServedElsewhere("GET /assets/common/session.js", PUBLIC);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_mapped_endpoint_has_a_row_and_every_row_a_mapping() {
        MATRIX.assertMatchesMappings(mappings);
    }

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() throws Exception {
        MATRIX.assertEveryRow(port, Set.of());
    }

    @Test
    void answers_carry_the_security_headers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void cross_origin_access_is_closed_unless_configured() throws Exception {
        MATRIX.assertCorsClosed(port, "/api/audit/digest", SecurityMatrix.basic("auditor", "auditor"));
    }
}
