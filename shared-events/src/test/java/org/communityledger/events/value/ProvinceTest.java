package org.communityledger.events.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProvinceTest {

    @Test
    void every_provincial_level_division_is_known_by_its_iso_code() {
        assertThat(Province.values()).hasSize(34);
        assertThat(Province.ofCode("CN-SC").englishName()).isEqualTo("Sichuan");
        assertThat(Province.ofCode("CN-HK")).isEqualTo(Province.CN_HK);
        assertThat(Province.ofCode("CN-MO")).isEqualTo(Province.CN_MO);
        assertThat(Province.ofCode("CN-TW")).isEqualTo(Province.CN_TW);
    }

    @Test
    void an_unknown_or_retired_code_is_refused() {
        assertThatThrownBy(() -> Province.ofCode("CN-51")).hasMessageContaining("ISO 3166-2:CN");
        assertThatThrownBy(() -> Province.ofCode("cn-sc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Province.ofCode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
