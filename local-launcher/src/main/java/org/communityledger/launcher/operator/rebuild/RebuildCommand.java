package org.communityledger.launcher.operator.rebuild;

import java.time.Duration;
import org.communityledger.client.rebuild.RebuildApi;
import org.communityledger.client.rebuild.RebuildRequest;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.Formats;
import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Services;
import org.communityledger.launcher.operator.Syntax;
import org.communityledger.launcher.operator.Terminal;

/**
 * {@code ./ledger rebuild}: starts a rebuild of the views and follows it until it switches or fails, with
 * {@code --reason} recorded in the query service's log; {@code --status} only shows where the last one stands. A
 * rebuild already running is refused by the service (409), which exits 1 like a failed rebuild.
 */
public final class RebuildCommand implements OperatorCommand {

    static final String STATUS = "--status";
    static final String REASON = "--reason";

    /** Waits between two polls of the status. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration pollInterval;
    private final Sleeper sleeper;

    public RebuildCommand() {
        this(Duration.ofSeconds(1), duration -> Thread.sleep(duration.toMillis()));
    }

    RebuildCommand(Duration pollInterval, Sleeper sleeper) {
        this.pollInterval = pollInterval;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "rebuild";
    }

    @Override
    public String arguments() {
        return "[--status] [--reason TEXT]";
    }

    @Override
    public String summary() {
        return "rebuild the views from the topic, following it to the switch (--status: only show it)";
    }

    @Override
    public Syntax syntax() {
        return Syntax.none().withFlags(STATUS).withValues(REASON);
    }

    @Override
    public int run(ParsedArguments arguments, Services services, Terminal terminal) {
        RebuildApi rebuild = services.queryAsAdmin().rebuild();
        if (arguments.flag(STATUS)) {
            return show(rebuild.status(), terminal);
        }
        RebuildStatus status = rebuild.start(new RebuildRequest(arguments.value(REASON).orElse(null)));
        terminal.out().println("Rebuild started at " + Formats.instant(status.startedAt())
                + "; the current views answer until the new ones switch in.");
        ProgressDisplay display = new ProgressDisplay(terminal);
        while (status.state().running()) {
            display.show(status);
            pause();
            status = rebuild.status();
        }
        display.finish(status);
        return ended(status, terminal);
    }

    private int show(RebuildStatus status, Terminal terminal) {
        terminal.out().println(ProgressBar.render(status));
        if (status.startedAt() != null) {
            terminal.out().println("started " + Formats.instant(status.startedAt())
                    + (status.finishedAt() == null ? "" : ", finished " + Formats.instant(status.finishedAt()))
                    + ", global position reached " + Formats.count(status.positionReached()));
        }
        if (status.error() != null) {
            terminal.out().println("error: " + status.error());
        }
        return status.state() == RebuildState.FAILED ? ExitCode.ATTENTION : ExitCode.OK;
    }

    private int ended(RebuildStatus status, Terminal terminal) {
        if (status.state() == RebuildState.SWITCHED) {
            terminal.out().println("Switched to the new views: " + Formats.count(status.eventsApplied())
                    + " events applied" + took(status) + ".");
            return ExitCode.OK;
        }
        terminal.out().println("Rebuild " + status.state() + (status.error() == null ? "" : ": " + status.error())
                + "; the previous views stay in place.");
        return ExitCode.ATTENTION;
    }

    private static String took(RebuildStatus status) {
        if (status.startedAt() == null || status.finishedAt() == null) {
            return "";
        }
        return " in " + Formats.elapsed(Duration.between(status.startedAt(), status.finishedAt()));
    }

    private void pause() {
        try {
            sleeper.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the rebuild", e);
        }
    }
}
