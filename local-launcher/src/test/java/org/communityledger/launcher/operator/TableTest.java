package org.communityledger.launcher.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsAndLeavesTheLastUnpadded() {
        String text = new Table("ID", "KIND", "REASON")
                .row(12, "not-applicable", "duplicate key")
                .row(3, null, "unknown event name")
                .render("  ");

        assertThat(text.lines()).containsExactly(
                "  ID  KIND            REASON",
                "  12  not-applicable  duplicate key",
                "  3   -               unknown event name");
    }

    @Test
    void keepsAValueOfSeveralLinesOnItsRow() {
        String text = new Table("ID", "REASON").row(2, "malformed: bad check character\n at [Source: REDACTED]")
                .render("");

        assertThat(text.lines()).containsExactly("ID  REASON", "2   malformed: bad check character at [Source: REDACTED]");
    }
}
