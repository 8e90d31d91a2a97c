package org.communityledger.faults.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HostileRequestsTest {

    private static final KnownTargets TARGETS = new KnownTargets("c6b93fc9-2d1d-4018-91b3-a4ac57262e0e",
            "hostile-target-member", "0d6f3f1c-8a51-4a3e-9d3c-6b2b7c1e2f40", "a6a1d3b2-5c4e-4f7a-8e9d-1b2c3d4e5f60");

    @Test
    void the_same_seed_gives_the_same_requests_byte_for_byte_and_another_seed_others() {
        List<HostileRequest> first = HostileRequests.generate(20261128L, 2_000, TARGETS);

        assertThat(HostileRequests.generate(20261128L, 2_000, TARGETS)).isEqualTo(first);
        assertThat(HostileRequests.generate(20261129L, 2_000, TARGETS)).isNotEqualTo(first);
    }

    @Test
    void every_endpoint_of_both_services_and_every_defect_is_drawn() {
        List<HostileRequest> requests = HostileRequests.generate(7L, 10_000, TARGETS);

        Set<String> endpoints = requests.stream().map(HostileRequest::endpoint).collect(Collectors.toSet());
        assertThat(endpoints).hasSize(Endpoint.values().length);
        Set<String> defects = requests.stream().map(HostileRequest::defect).collect(Collectors.toSet());
        assertThat(defects).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Defect.values()).map(defect -> defect.label).toList());
    }

    @Test
    void an_organisation_id_is_judged_by_the_value_type_with_its_check_character() {
        String valid = "91440300708461136T";
        assertThat(Shapes.organizationId(valid)).isTrue();
        assertThat(Shapes.organizationId(valid.substring(0, 17) + "X")).isFalse();
        assertThat(Shapes.usccCheck(valid.substring(0, 17))).isEqualTo('T');
        assertThat(Shapes.province("CN-SC")).isTrue();
        assertThat(Shapes.province("CN-XX")).isFalse();
    }
}
