package org.communityledger.launcher.operator.rebuild;

import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.launcher.operator.Terminal;

/**
 * Shows a rebuild's progress as it goes: on a terminal one line redrawn in place with a carriage return; in a
 * log or a pipe plain lines, on every change of stage and every {@link #PLAIN_EVERY} polls, so a log stays
 * readable.
 */
final class ProgressDisplay {

    static final int PLAIN_EVERY = 10;

    private final Terminal terminal;
    private int shown;
    private int lastLength;
    private RebuildState lastState;

    ProgressDisplay(Terminal terminal) {
        this.terminal = terminal;
    }

    void show(RebuildStatus status) {
        String line = ProgressBar.render(status);
        if (terminal.interactive()) {
            // Spaces clear what a longer previous line left behind.
            terminal.out().print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            terminal.out().flush();
            lastLength = line.length();
        } else if (status.state() != lastState || shown % PLAIN_EVERY == 0) {
            terminal.out().println(line);
        }
        lastState = status.state();
        shown++;
    }

    /** Shows the last status and ends the redrawn line. */
    void finish(RebuildStatus status) {
        if (terminal.interactive()) {
            show(status);
            terminal.out().println();
        } else {
            terminal.out().println(ProgressBar.render(status));
        }
    }
}
