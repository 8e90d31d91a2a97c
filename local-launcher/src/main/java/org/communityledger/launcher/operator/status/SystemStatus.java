package org.communityledger.launcher.operator.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.communityledger.client.deadletter.DeadLetter;
import org.communityledger.client.deadletter.DeadLetterApi;
import org.communityledger.client.health.Health;
import org.communityledger.client.metrics.PrometheusMetrics;
import org.communityledger.client.quarantine.QuarantinedCommunity;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.Formats;
import org.communityledger.launcher.operator.Services;

/**
 * What {@code status} read from both services, and what of it needs the operator.
 *
 * @param parked      the dead letters waiting for a replay or a discard (the admin API, as {@code dlt list})
 * @param quarantined the communities whose views wait for a missing event
 */
record SystemStatus(
        Reading<Health> commandHealth,
        Reading<Health> queryHealth,
        Reading<PrometheusMetrics> commandMetrics,
        Reading<PrometheusMetrics> queryMetrics,
        Reading<List<DeadLetter>> parked,
        Reading<List<QuarantinedCommunity>> quarantined) {

    /** Asks both services; a service found unreachable is not asked again (each try would wait for it). */
    static SystemStatus read(Services services) {
        Reading<Health> commandHealth = Reading.ask(() -> services.commandAsAdmin().health().health());
        Reading<Health> queryHealth = Reading.ask(() -> services.queryAsAdmin().health().health());
        return new SystemStatus(commandHealth, queryHealth,
                askIfReachable(commandHealth, () -> services.commandAsAdmin().metrics().metrics()),
                askIfReachable(queryHealth, () -> services.queryAsAdmin().metrics().metrics()),
                askIfReachable(queryHealth, () -> services.queryAsAdmin().deadLetters().parked()),
                askIfReachable(queryHealth, () -> services.queryAsAdmin().quarantine().quarantined().items()));
    }

    private static <T> Reading<T> askIfReachable(Reading<Health> health, Supplier<T> call) {
        return health.unreachable() ? Reading.notAsked() : Reading.ask(call);
    }

    /** 0 when every service is UP and nothing is parked or quarantined; 2 when a service cannot be reached. */
    int exitCode() {
        boolean unreachable = Stream.of(commandHealth, queryHealth, commandMetrics, queryMetrics, parked, quarantined)
                .anyMatch(Reading::unreachable);
        if (unreachable) {
            return ExitCode.UNREACHABLE;
        }
        return concerns().isEmpty() ? ExitCode.OK : ExitCode.ATTENTION;
    }

    /**
     * What needs the operator, one phrase each. Metrics that could not be read are shown in their sections, not
     * counted here; neither is what went unread because its service is unreachable, which is said once.
     */
    List<String> concerns() {
        List<String> concerns = new ArrayList<>();
        healthConcern("command service", commandHealth, concerns);
        healthConcern("query service", queryHealth, concerns);
        if (parked.failed()) {
            if (!queryHealth.unreachable()) {
                concerns.add("parked records unknown");
            }
        } else if (!parked.value().orElseThrow().isEmpty()) {
            int count = parked.value().orElseThrow().size();
            concerns.add(parkedCount() + (count == 1 ? " record" : " records") + " parked (./ledger dlt list)");
        }
        if (quarantined.failed()) {
            if (!queryHealth.unreachable()) {
                concerns.add("quarantine unknown");
            }
        } else if (!quarantined.value().orElseThrow().isEmpty()) {
            int count = quarantined.value().orElseThrow().size();
            concerns.add(count + (count == 1 ? " community" : " communities") + " quarantined");
        }
        return concerns;
    }

    private static void healthConcern(String service, Reading<Health> health, List<String> concerns) {
        if (health.unreachable()) {
            concerns.add(service + " unreachable");
        } else if (health.failed()) {
            concerns.add(service + " health unknown");
        } else {
            // Every component, not only the overall status: a component UNKNOWN ranks after UP in the services'
            // status order and leaves the overall status UP.
            Health read = health.value().orElseThrow();
            String notUp = read.components().entrySet().stream()
                    .filter(component -> !component.getValue().isUp())
                    .map(component -> component.getKey() + " " + component.getValue().status())
                    .collect(Collectors.joining(", "));
            if (!read.isUp() || !notUp.isEmpty()) {
                concerns.add(service + " " + read.status() + (notUp.isEmpty() ? "" : " (" + notUp + ")"));
            }
        }
    }

    /** How many records are parked: a full list may not be all of them. */
    String parkedCount() {
        int count = parked.value().orElse(List.of()).size();
        return (count >= DeadLetterApi.MAX_LIMIT ? "at least " : "") + Formats.count(count);
    }

    /** Parked dead letters counted by the kind of reason, in the order of the kinds' names. */
    Map<String, Long> parkedByReasonKind() {
        return parked.value().orElse(List.of()).stream().collect(Collectors.groupingBy(
                deadLetter -> deadLetter.reasonKind() == null ? "?" : deadLetter.reasonKind(),
                TreeMap::new, Collectors.counting()));
    }
}
