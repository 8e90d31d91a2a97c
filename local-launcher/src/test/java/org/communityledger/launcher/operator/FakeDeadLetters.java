package org.communityledger.launcher.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.communityledger.client.Items;
import org.communityledger.client.deadletter.DeadLetter;
import org.communityledger.client.deadletter.DeadLetterApi;
import org.communityledger.client.deadletter.Discard;
import org.communityledger.client.deadletter.ReplayOutcome;
import org.communityledger.client.deadletter.ReplaySelection;
import org.communityledger.client.deadletter.Replayed;
import org.communityledger.client.deadletter.Replays;

/** Dead letters held in a list; remembers what it was asked. */
public final class FakeDeadLetters implements DeadLetterApi {

    public final List<DeadLetter> deadLetters = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public Replays replays = new Replays(List.of(), List.of());

    public static DeadLetter parked(long id, String reasonKind, String communityId, String reason) {
        return new DeadLetter(id, DeadLetter.PARKED, reasonKind, reason, communityId, 7L, 123L, "membership.events",
                2, 55L, Instant.parse("2026-11-30T09:15:02.118Z"), null, null, null);
    }

    public FakeDeadLetters with(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
        return this;
    }

    @Override
    public Items<DeadLetter> list(String status, String communityId, Integer limit) {
        calls.add("list " + status + " " + communityId + " " + limit);
        return new Items<>(deadLetters.stream()
                .filter(deadLetter -> status == null || status.equals(deadLetter.status()))
                .filter(deadLetter -> communityId == null || communityId.equals(deadLetter.communityId()))
                .toList());
    }

    @Override
    public DeadLetter deadLetter(long id) {
        throw new AssertionError("not used");
    }

    @Override
    public Replayed replay(long id) {
        calls.add("replay " + id);
        return new Replayed(id, ReplayOutcome.APPLIED, DeadLetter.REPLAYED, 3);
    }

    @Override
    public Replays replay(ReplaySelection selection) {
        calls.add("replay " + selection);
        return replays;
    }

    @Override
    public DeadLetter discard(long id, Discard discard) {
        calls.add("discard " + id + " " + discard.reason());
        return new DeadLetter(id, DeadLetter.DISCARDED, "unreadable", "unknown event name MemberPromoted", null, null,
                null, "membership.events", 4, 90L, Instant.parse("2026-11-30T09:16:40Z"),
                Instant.parse("2026-11-30T10:02:11Z"), "admin", discard.reason());
    }
}
