package org.communityledger.query.live;

import org.springframework.stereotype.Component;

/**
 * The change log keeps its newest changes only ({@link LiveProperties#retainedChanges()}), and treats a position
 * older than what it keeps as applied. A rebuild that wrote a change for every event on the topic would see most of
 * them trimmed a minute after its switch: on a topic of a million events, nine in ten of the rebuild's largest
 * table's rows and of their JSON.
 */
@Component
public class ChangeLogWindow {

    private final ChangeLog changeLog;
    private final LiveProperties properties;

    ChangeLogWindow(ChangeLog changeLog, LiveProperties properties) {
        this.changeLog = changeLog;
        this.properties = properties;
    }

    /**
     * The first position whose change a rebuild starting now must record: the window's length before the newest
     * change of the views in use. Events after it, and any that arrive during the rebuild, are all recorded; with
     * no change logged yet, every event is.
     */
    public long firstPositionToRecord() {
        return Math.max(0, changeLog.latestPosition() - properties.retainedChanges() + 1);
    }
}
