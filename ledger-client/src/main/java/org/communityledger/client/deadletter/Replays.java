package org.communityledger.client.deadletter;

import java.util.List;

/** The result of replaying several dead letters: those replayed, and those that still could not be applied. */
public record Replays(List<Replayed> replayed, List<NotReplayed> failed) {

    public Replays {
        replayed = replayed == null ? List.of() : List.copyOf(replayed);
        failed = failed == null ? List.of() : List.copyOf(failed);
    }

    /** A dead letter that could not be applied, and why. */
    public record NotReplayed(long id, String detail) {
    }
}
