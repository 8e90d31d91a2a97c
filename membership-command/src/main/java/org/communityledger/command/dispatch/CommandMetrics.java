package org.communityledger.command.dispatch;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The timer {@code ledger.commands}: every command the dispatcher handled, tagged with its type ({@code command},
 * e.g. JoinMember) and how it ended ({@code outcome}), with the time it took, retries included. Requests
 * refused before they became a command (a malformed body, no permission) are only in {@code http.server.requests}.
 */
@Component
class CommandMetrics {

    private final Meter.MeterProvider<Timer> commands;

    CommandMetrics(MeterRegistry registry) {
        this.commands = Timer.builder("ledger.commands")
                .description("Commands handled, by type and outcome, with the time each took")
                .withRegistry(registry);
    }

    void record(Class<?> commandType, CommandOutcome outcome, long nanos) {
        commands.withTags("command", commandType.getSimpleName(), "outcome", outcome.tag())
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
