package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communityledger.client.command.CommandOptions;

/**
 * Before any fault, proves on the live system that the check can fail, once for each kind of defect it exists
 * to find. A check that cannot see these would pass every scenario whatever happened.
 *
 * <p>Where the views can be changed behind the projector's back, the case changes them (and puts them back);
 * a record cannot be taken off a Kafka topic, nor an idempotency key stored twice through the API, so those
 * cases hand the check's comparison a state read from the system with that one defect put in.
 */
final class CheckSelfTest {

    private CheckSelfTest() {
    }

    /** What the self-test found wrong with the check; empty when the check saw every defect. */
    static List<String> run(Drill drill) throws Exception {
        List<String> problems = new ArrayList<>();
        String community = drill.communities("selftest", 1).get(0);
        DrillCommands.Answer joined = drill.admin().join(community, "selftest-member",
                CommandOptions.idempotent("selftest-1"));
        if (!joined.accepted()) {
            throw new IllegalStateException("the self-test's join was refused: " + joined.describe());
        }
        RecordingLoad.Ack real = new RecordingLoad.Ack("selftest-1", "selftest-member", community, joined.version(),
                joined.position());
        List<String> ours = List.of(community);
        Tally honest = drill.verify(ours, List.of(real));
        if (!honest.clean()) {
            problems.add("the check found faults where there were none: " + honest.findings());
            return problems;
        }
        LedgerCheck check = drill.ledgerCheck();

        RecordingLoad.Ack madeUp = new RecordingLoad.Ack("selftest-never-sent", "selftest-ghost", community,
                real.version() + 1, real.position() + 1_000_000);
        if (check.check(ours, List.of(real, madeUp)).lost() < 1) {
            problems.add("the check did not report an acknowledgement that is nowhere in the system as lost");
        }

        changeView(drill, "update projection.community set member_count = member_count + 1 where community_id = ?",
                community);
        try {
            if (check.check(ours, List.of(real)).appliedTwice() < 1) {
                problems.add("the check did not report a member counted twice as applied twice");
            }
        } finally {
            changeView(drill, "update projection.community set member_count = member_count - 1 where community_id = ?",
                    community);
        }

        changeView(drill, "update projection.community set version = version - 1 where community_id = ?", community);
        try {
            if (check.check(ours, List.of(real)).lost() < 1) {
                problems.add("the check did not report views one event behind the store as lost");
            }
        } finally {
            changeView(drill, "update projection.community set version = version + 1 where community_id = ?",
                    community);
        }

        LedgerCheck.LedgerState state = check.read(ours);
        if (check.compare(withoutOnTopic(state, community, real.version()), List.of(real)).lost() < 1) {
            problems.add("the check did not report a stored event missing from the topic (a stray version in its"
                    + " place) as lost");
        }
        if (check.compare(withKeyStoredTwice(state, real.key()), List.of(real)).appliedTwice() < 1) {
            problems.add("the check did not report an idempotency key stored twice as applied twice");
        }

        // The rebuild that follows makes the views from the topic again, which also undoes this change.
        changeView(drill, "update projection.member set name = name || ' (changed behind the projector)'"
                + " where community_id = ?", community);
        if (check.equalsRebuild(ours, drill.queryAs("admin").rebuild()).isEmpty()) {
            problems.add("the check did not report views that differ from a rebuild");
        }
        return problems;
    }

    /**
     * The state with one of the community's versions gone from the topic and a version the store never had in its
     * place: as many distinct versions as before, so only a check of every version can tell.
     */
    private static LedgerCheck.LedgerState withoutOnTopic(LedgerCheck.LedgerState state, String community,
                                                         long version) {
        List<Long> versions = new ArrayList<>(state.onTopic().get(community));
        long stray = versions.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        versions.removeIf(each -> each == version);
        versions.add(stray);
        Map<String, List<Long>> onTopic = new HashMap<>(state.onTopic());
        onTopic.put(community, versions);
        return new LedgerCheck.LedgerState(state.communities(), state.stored(), onTopic, state.rows(), state.members(),
                state.changes());
    }

    /** The state with the key also on another stored event (the community's establishment, which has none). */
    private static LedgerCheck.LedgerState withKeyStoredTwice(LedgerCheck.LedgerState state, String key) {
        List<StoredEvents.StoredEvent> stored = state.stored().stream()
                .map(event -> event.idempotencyKey() != null ? event : new StoredEvents.StoredEvent(event.communityId(),
                        event.version(), event.position(), key, event.payloadType()))
                .toList();
        return new LedgerCheck.LedgerState(state.communities(), stored, state.onTopic(), state.rows(), state.members(),
                state.changes());
    }

    private static void changeView(Drill drill, String update, String community) throws Exception {
        try (Connection connection = drill.store().connect();
             PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setString(1, community);
            if (statement.executeUpdate() < 1) {
                throw new IllegalStateException("the self-test's change found no view row: " + update);
            }
        }
    }
}
