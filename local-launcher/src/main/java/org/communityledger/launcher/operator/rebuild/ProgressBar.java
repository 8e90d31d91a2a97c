package org.communityledger.launcher.operator.rebuild;

import java.util.Locale;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.launcher.operator.Formats;

/**
 * One line for a rebuild's progress:
 * {@code BUILDING     [############------------------]  40%  4,000 applied  2,100/s  6,000 to go  ETA 3 s}.
 */
final class ProgressBar {

    static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(RebuildStatus status) {
        double done = Math.max(0, Math.min(1, status.fractionDone()));
        int filled = (int) Math.floor(done * WIDTH);
        return String.format(Locale.ROOT, "%-12s [%s%s] %3d%%  %s applied  %s/s  %s to go  ETA %s",
                status.state(), "#".repeat(filled), "-".repeat(WIDTH - filled), (int) Math.floor(done * 100),
                Formats.count(status.eventsApplied()), Formats.count(Math.round(status.eventsPerSecond())),
                Formats.count(status.lag()), eta(status));
    }

    private static String eta(RebuildStatus status) {
        if (status.state().finished()) {
            return "-";
        }
        return status.etaSeconds() == null ? Formats.UNKNOWN : Formats.duration(status.etaSeconds());
    }
}
