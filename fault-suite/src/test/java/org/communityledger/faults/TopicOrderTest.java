package org.communityledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicOrderTest {

    @Test
    void a_batch_sent_again_after_a_crash_is_a_repeat_not_a_disorder() {
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, 2L, 3L, 2L, 3L, 4L));

        assertThat(order.firstOccurrences()).isEqualTo(4);
        assertThat(order.repeats()).isEqualTo(2);
        assertThat(order.outOfOrder()).isZero();
    }

    @Test
    void a_version_first_seen_after_a_later_one_is_out_of_order() {
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, 3L, 2L));

        assertThat(order.outOfOrder()).isEqualTo(1);
    }

    @Test
    void a_missing_version_shows_as_fewer_first_occurrences() {
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, 2L, 4L));

        assertThat(order.firstOccurrences()).isEqualTo(3);
        assertThat(order.outOfOrder()).isZero();
    }
}
