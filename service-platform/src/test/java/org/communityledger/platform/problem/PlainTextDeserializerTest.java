package org.communityledger.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextDeserializerTest {

    @Test
    void chinese_names_emoji_and_line_breaks_are_plain_text() {
        assertThat(PlainTextDeserializer.isPlain("南方影视集团")).isTrue();
        assertThat(PlainTextDeserializer.isPlain("Film \ud83c\udfac School")).isTrue();
        assertThat(PlainTextDeserializer.isPlain("first line\nsecond line\r\n\tindented")).isTrue();
    }

    @Test
    void nul_other_control_characters_and_half_surrogates_are_not() {
        assertThat(PlainTextDeserializer.isPlain("a\u0000b")).isFalse();
        assertThat(PlainTextDeserializer.isPlain("a\u001bb")).isFalse();
        assertThat(PlainTextDeserializer.isPlain("a\u007fb")).isFalse();
        assertThat(PlainTextDeserializer.isPlain("a\ud83d")).isFalse();
        assertThat(PlainTextDeserializer.isPlain("\ude00a")).isFalse();
    }
}
