package org.communityledger.events.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "91110000600037341L", "91350100M000100Y43", "9144030071526726XG",
            "91440300708461136T"})
    void published_unified_social_credit_codes_are_accepted(String code) {
        OrganizationId id = OrganizationId.of(code);
        assertThat(id.value()).isEqualTo(code);
        assertThat(id.isUnifiedSocialCreditCode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "91110000600037341M", "911100001000000009"})
    void a_credit_code_with_a_wrong_check_character_is_refused(String code) {
        assertThatThrownBy(() -> OrganizationId.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"southern-film-group", "abc", "nanchong-film-vocational-college"})
    void slugs_are_accepted_for_organisations_without_a_credit_code(String slug) {
        assertThat(OrganizationId.of(slug).isUnifiedSocialCreditCode()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Southern-Film", "南方影视", "has space", "x'; drop table member; --",
            "91440300192203821I"})
    void anything_else_is_refused(String value) {
        assertThatThrownBy(() -> OrganizationId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9144030019220382", "91440300192203821", "9144030019220382160"})
    void a_code_of_the_wrong_length_is_refused(String value) {
        assertThatThrownBy(() -> OrganizationId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
