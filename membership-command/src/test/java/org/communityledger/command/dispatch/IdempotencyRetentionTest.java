package org.communityledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cleanup's batching, against a store that only says how many keys each batch found. */
class IdempotencyRetentionTest {

    private static final int BATCH = 500;

    @Test
    void a_run_deletes_batch_after_batch_until_one_comes_back_short() {
        ExpiredKeys expired = new ExpiredKeys(1_234);

        int deleted = new IdempotencyRetention(expired, properties()).deleteExpired();

        assertThat(deleted).isEqualTo(1_234);
        assertThat(expired.limits).containsExactly(BATCH, BATCH, BATCH);
    }

    @Test
    void a_run_stops_after_its_share_of_batches_and_leaves_the_rest_to_the_next() {
        ExpiredKeys expired = new ExpiredKeys(IdempotencyRetention.MAX_BATCHES_PER_RUN * BATCH + 10);
        IdempotencyRetention retention = new IdempotencyRetention(expired, properties());

        int first = retention.deleteExpired();
        int second = retention.deleteExpired();

        assertThat(first).isEqualTo(IdempotencyRetention.MAX_BATCHES_PER_RUN * BATCH);
        assertThat(second).isEqualTo(10);
        assertThat(expired.limits).hasSize(IdempotencyRetention.MAX_BATCHES_PER_RUN + 1).containsOnly(BATCH);
    }

    private static IdempotencyProperties properties() {
        return new IdempotencyProperties(Duration.ofHours(24), Duration.ofMinutes(1), BATCH);
    }

    /** So many expired keys, deleted as the batches ask. */
    private static final class ExpiredKeys extends IdempotencyRecords {

        private int left;
        private final List<Integer> limits = new ArrayList<>();

        ExpiredKeys(int expired) {
            super(null, properties());
            this.left = expired;
        }

        @Override
        int deleteExpired(int limit) {
            limits.add(limit);
            int deleted = Math.min(limit, left);
            left -= deleted;
            return deleted;
        }
    }
}
