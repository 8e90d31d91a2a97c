package org.communityledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityledger.testsupport.SecurityMatrix.PUBLIC;
import static org.communityledger.testsupport.SecurityMatrix.basic;

import java.util.Set;
import org.communityledger.query.QueryServiceTest;
import org.communityledger.testsupport.SecurityMatrix;
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

    private static final String STREAM = "GET /api/stream";
    private static final String REBUILD = "POST /api/admin/projections/rebuild";
    /** Would replay every parked record of the shared test database; RepairIT checks it with a community. */
    private static final String REPLAY_ALL = "POST /api/admin/dead-letters/replay";
    private static final String[] READERS = {"viewer", "auditor", "admin"};
    private static final SecurityMatrix MATRIX = new SecurityMatrix()
            .allow("GET /api/communities", READERS)
            .allow("GET /api/communities/{communityId}", READERS)
            .allow("GET /api/communities/{communityId}/members", READERS)
            .allow("GET /api/organizations/{organizationId}", READERS)
            .allow("GET /api/stats", READERS)
            .allow(STREAM, READERS)
            .allow("GET /api/admin/projections/status", "admin")
            .allow(REBUILD, "admin")
            .allow("GET /api/admin/dead-letters", "admin")
            .allow("GET /api/admin/dead-letters/{id}", "admin")
            .allow("POST /api/admin/dead-letters/{id}/replay", "admin")
            .allow("POST /api/admin/dead-letters/{id}/discard", "admin")
            .allow(REPLAY_ALL, "admin")
            .allow("GET /api/admin/quarantine", "admin")
            .allow("GET /v3/api-docs", PUBLIC)
            .allow("GET /v3/api-docs.yaml", PUBLIC)
            .allow("GET /v3/api-docs/swagger-config", PUBLIC)
            .allow("GET /swagger-ui.html", PUBLIC)
            .allow("ANY /error", PUBLIC)
            .allowServedElsewhere("GET /actuator/health", PUBLIC)
            .allowServedElsewhere("GET /actuator/prometheus", "admin", "metrics")
            .allow("GET /api/changes", READERS)
            .allow("GET /api/stats/timeline", READERS)
            .allowServedElsewhere("GET /", PUBLIC)
            .allowServedElsewhere("GET /assets/dashboard.js", PUBLIC)
            .allowServedElsewhere("GET /assets/common/session.js", PUBLIC)
            .allowServedElsewhere("GET /webjars/echarts/dist/echarts.min.js", PUBLIC);

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
        MATRIX.assertEveryRow(port, Set.of(STREAM, REBUILD, REPLAY_ALL));
    }

    @Test
    void the_stream_is_for_readers_only() throws Exception {
        assertThat(MATRIX.call(port, "GET", "/api/stream", null)).isEqualTo(401);
        for (String account : READERS) {
            assertThat(MATRIX.statusOfStream(port, "/api/stream", basic(account, account))).as(account).isEqualTo(200);
        }
        assertThat(MATRIX.call(port, "GET", "/api/stream", basic("metrics", "metrics"))).isEqualTo(403);
    }

    @Test
    void cross_origin_access_is_closed_unless_configured() throws Exception {
        MATRIX.assertCorsClosed(port, "/api/stats", basic("viewer", "viewer"));
    }

    @Test
    void only_admin_may_start_a_rebuild() throws Exception {
        // Admin's own call is RebuildIT's business: starting a rebuild here would race other tests.
        assertThat(MATRIX.call(port, "POST", "/api/admin/projections/rebuild", null)).isEqualTo(401);
        assertThat(MATRIX.call(port, "POST", "/api/admin/projections/rebuild", basic("viewer", "viewer"))).isEqualTo(403);
        assertThat(MATRIX.call(port, "POST", "/api/admin/projections/rebuild", basic("auditor", "auditor")))
                .isEqualTo(403);
        assertThat(MATRIX.call(port, "POST", "/api/admin/projections/rebuild", basic("metrics", "metrics")))
                .isEqualTo(403);
    }
}
