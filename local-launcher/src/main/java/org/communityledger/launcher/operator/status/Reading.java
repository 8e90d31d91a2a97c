package org.communityledger.launcher.operator.status;

import java.util.Optional;
import java.util.function.Supplier;
import org.communityledger.client.LedgerClientException;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.LedgerUnreachableException;

/**
 * One thing {@code status} asked a service, and what came of it: the answer, or why there is none. A status
 * report shows what it could read and names the rest, rather than stopping at the first failure.
 */
final class Reading<T> {

    private final T value;
    private final String failure;
    private final boolean unreachable;

    private Reading(T value, String failure, boolean unreachable) {
        this.value = value;
        this.failure = failure;
        this.unreachable = unreachable;
    }

    static <T> Reading<T> of(T value) {
        return new Reading<>(value, null, false);
    }

    static <T> Reading<T> ask(Supplier<T> call) {
        try {
            return of(call.get());
        } catch (LedgerUnreachableException e) {
            return new Reading<>(null, e.getMessage(), true);
        } catch (LedgerProblemException e) {
            return failed(e.problem().describe());
        } catch (LedgerClientException e) {
            return failed(e.getMessage());
        }
    }

    static <T> Reading<T> failed(String why) {
        return new Reading<>(null, why, false);
    }

    /** Not asked, because an earlier call found the service unreachable. */
    static <T> Reading<T> notAsked() {
        return new Reading<>(null, "not asked, the service is unreachable", true);
    }

    Optional<T> value() {
        return Optional.ofNullable(value);
    }

    boolean failed() {
        return failure != null;
    }

    /** Why there is no value; null when there is one. */
    String failure() {
        return failure;
    }

    boolean unreachable() {
        return unreachable;
    }
}
