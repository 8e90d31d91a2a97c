package org.communityledger.query.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the change log to its window, so that it does not grow with the ledger. */
@Component
class ChangeLogRetention {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogRetention.class);

    private final ChangeLog changeLog;
    private final LiveProperties properties;

    ChangeLogRetention(ChangeLog changeLog, LiveProperties properties) {
        this.changeLog = changeLog;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ledger.live.retention-interval:PT1M}")
    void trim() {
        int deleted = changeLog.trimTo(properties.retainedChanges());
        if (deleted > 0) {
            log.debug("Trimmed {} changes from the change log", deleted);
        }
    }
}
