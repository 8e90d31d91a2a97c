package org.communityledger.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void a_well_formed_header_is_the_id_every_line_of_the_request_logs_under() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/communities");
        request.addHeader(CorrelationId.HEADER, "conference-2025-10-19");

        assertThat(idsLoggedWhileHandling(request)).containsExactly("conference-2025-10-19");
        assertThat(CorrelationId.of(request)).isEqualTo("conference-2025-10-19");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).as("left behind on the thread").isNull();
    }

    @Test
    void a_request_without_one_gets_a_new_id_which_the_service_can_read() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/communities");

        List<String> logged = idsLoggedWhileHandling(request);
        assertThat(logged).singleElement().asString().hasSize(36);
        assertThat(CorrelationId.of(request)).isEqualTo(logged.get(0));
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
    }

    @Test
    void a_malformed_header_is_not_logged() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/communities");
        request.addHeader(CorrelationId.HEADER, "two words\n{\"forged\":true}");

        assertThat(idsLoggedWhileHandling(request)).singleElement().asString().hasSize(36).doesNotContain("forged");
    }

    @Test
    void the_error_page_of_a_request_logs_under_the_requests_id() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stats");
        String id = idsLoggedWhileHandling(request).get(0);
        request.setDispatcherType(DispatcherType.ERROR);

        assertThat(idsLoggedWhileHandling(request)).containsExactly(id);
    }

    private List<String> idsLoggedWhileHandling(MockHttpServletRequest request) throws Exception {
        List<String> ids = new ArrayList<>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ids.add(MDC.get(CorrelationId.MDC_KEY));
            }
        });
        return ids;
    }
}
