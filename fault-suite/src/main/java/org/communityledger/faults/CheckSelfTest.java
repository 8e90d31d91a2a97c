package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before any fault, proves on the live system that the check can fail: a made-up acknowledgement must be
 * reported lost, and a member count doubled behind the projector's back must be reported applied twice. A
 * check that cannot see these would pass every scenario whatever happened.
 */
final class CheckSelfTest {

    private CheckSelfTest() {
    }

    /** What the self-test found wrong with the check; empty when the check sees both. */
    static List<String> run(Drill drill) throws Exception {
        List<String> problems = new ArrayList<>();
        String community = drill.communities("selftest", 1).get(0);
        LedgerHttp.Answer joined = drill.admin().post("/api/communities/" + community + "/members",
                LedgerHttp.joinBody("selftest-member"), Map.of("Idempotency-Key", "selftest-1"), Duration.ofSeconds(30));
        RecordingLoad.Ack real = new RecordingLoad.Ack("selftest-1", "selftest-member", community, joined.version(),
                joined.position());
        Tally honest = drill.verify(List.of(community), List.of(real));
        if (!honest.clean()) {
            problems.add("the check found faults where there were none: " + honest.findings());
        }

        RecordingLoad.Ack madeUp = new RecordingLoad.Ack("selftest-never-sent", "selftest-ghost", community,
                real.version() + 1, real.position() + 1_000_000);
        if (drill.check(List.of(community), List.of(real, madeUp)).lost() < 1) {
            problems.add("the check did not report an acknowledgement that is nowhere in the system as lost");
        }

        changeMemberCount(drill, community, +1);
        try {
            if (drill.check(List.of(community), List.of(real)).appliedTwice() < 1) {
                problems.add("the check did not report a member counted twice as applied twice");
            }
        } finally {
            changeMemberCount(drill, community, -1);
        }
        return problems;
    }

    private static void changeMemberCount(Drill drill, String community, int by) throws Exception {
        try (Connection connection = drill.store().connect();
             PreparedStatement update = connection.prepareStatement(
                     "update projection.community set member_count = member_count + ? where community_id = ?")) {
            update.setInt(1, by);
            update.setString(2, community);
            update.executeUpdate();
        }
    }
}
