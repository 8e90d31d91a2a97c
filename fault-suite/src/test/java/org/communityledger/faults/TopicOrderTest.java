package org.communityledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicOrderTest {

    @Test
    void a_batch_sent_again_after_a_crash_is_a_repeat_not_a_disorder() {
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, 2L, 3L, 2L, 3L, 4L));

        assertThat(order.repeats()).isEqualTo(2);
        assertThat(order.outOfOrder()).isZero();
        assertThat(order.missingOf(4)).isEmpty();
        assertThat(order.beyond(4)).isEmpty();
    }

    @Test
    void a_version_first_seen_after_a_later_one_is_out_of_order() {
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, 3L, 2L));

        assertThat(order.outOfOrder()).isEqualTo(1);
    }

    @Test
    void a_missing_version_is_named() {
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, 2L, 4L));

        assertThat(order.missingOf(4)).containsExactly(3L);
        assertThat(order.outOfOrder()).isZero();
    }

    @Test
    void a_stray_version_does_not_make_up_for_a_missing_one() {
        // Three distinct versions for three stored events, as a count of distinct versions would accept.
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, 3L, 7L));

        assertThat(order.missingOf(3)).containsExactly(2L);
        assertThat(order.beyond(3)).containsExactly(7L);
    }

    @Test
    void a_record_without_a_version_is_beyond_the_store() {
        LedgerCheck.TopicOrder order = LedgerCheck.TopicOrder.of(List.of(1L, -1L, 2L));

        assertThat(order.missingOf(2)).isEmpty();
        assertThat(order.beyond(2)).containsExactly(-1L);
    }
}
