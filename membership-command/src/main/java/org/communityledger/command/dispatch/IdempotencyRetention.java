package org.communityledger.command.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys older than the retention, in small batches, on Spring's scheduler. A run stops after
 * {@value #MAX_BATCHES_PER_RUN} full batches and leaves the rest to the next one: the scheduler's thread also
 * seals the transparency log, which must not wait behind a long backlog (say, the first run after an upgrade).
 */
@Component
class IdempotencyRetention {

    static final int MAX_BATCHES_PER_RUN = 20;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;

    IdempotencyRetention(IdempotencyRecords records, IdempotencyProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ledger.idempotency.cleanup-interval:1m}",
            initialDelayString = "${ledger.idempotency.cleanup-interval:1m}")
    void deleteExpiredOnSchedule() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.debug("Deleted {} idempotency keys older than {}", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Expired idempotency keys could not be deleted; trying again next run: {}", e.toString());
        }
    }

    /** One run: batches until one comes back short, or the run's share is done. Answers how many were deleted. */
    int deleteExpired() {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int batchDeleted = records.deleteExpired(properties.cleanupBatchSize());
            deleted += batchDeleted;
            if (batchDeleted < properties.cleanupBatchSize()) {
                break;
            }
        }
        return deleted;
    }
}
