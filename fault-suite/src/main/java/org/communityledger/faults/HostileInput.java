package org.communityledger.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.communityledger.client.command.AwardPlaque;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.JoinMember;
import org.communityledger.client.command.SignAgreement;
import org.communityledger.faults.hostile.HostileInputRun;
import org.communityledger.faults.hostile.HostileRequest;
import org.communityledger.faults.hostile.HostileRequests;
import org.communityledger.faults.hostile.KnownTargets;

/**
 * Scenario 10: bad input at volume. A seeded generator (see {@link HostileRequests}) makes thousands of
 * malformed and hostile requests across every endpoint of both services, aimed at a real community with a
 * member, a plaque and an agreement; every answer must be a 4xx problem body, and the ledger must not change.
 */
final class HostileInput extends Scenario {

    /** Fixed, so that a run can be repeated exactly; another can be chosen with -Dledger.faults.seed. */
    private static final long DEFAULT_SEED = 20_261_128L;
    private static final int THREADS = 4;

    HostileInput() {
        super("10", "bad input at volume: generated malformed and hostile requests on every endpoint");
    }

    @Override
    Outcome run(Drill drill) throws Exception {
        KnownTargets targets = targets(drill);
        long seed = Long.getLong("ledger.faults.seed", DEFAULT_SEED);
        List<HostileRequest> requests = HostileRequests.generate(seed, drill.plan().hostileRequests(), targets);

        // The setup's own events must have reached the views (and equal a rebuild) before anything is counted.
        Tally setup = drill.verify(List.of(targets.communityId()), List.of());
        List<String> viewsBefore = drill.views().snapshot(List.of(targets.communityId()));
        long eventsBefore = drill.store().count();
        long changesBefore = changeLogSize(drill);
        HostileInputRun.Answers answers = HostileInputRun.send(requests, drill.system().commandUrl(),
                drill.system().queryUrl(), "admin", "admin", "auditor", "auditor", THREADS);
        Rest.sleep(Duration.ofSeconds(2));
        long appended = drill.store().count() - eventsBefore;
        long applied = changeLogSize(drill) - changesBefore;
        boolean viewsUnchanged = drill.views().snapshot(List.of(targets.communityId())).equals(viewsBefore);

        List<String> observations = new ArrayList<>();
        observations.add(answers.total() + " requests (seed " + seed + "), answers by status " + answers.byStatus());
        List<String> findings = new ArrayList<>(setup.findings());
        // Every request sent must have been tallied, answered or not; one that went missing was never judged.
        if (answers.total() != requests.size()) {
            findings.add(answers.total() + " of " + requests.size() + " hostile requests were tallied");
        }
        if (!answers.clean()) {
            for (String line : answers.summary().split("\n")) {
                findings.add(line);
            }
        }
        if (appended != 0 || applied != 0 || !viewsUnchanged) {
            findings.add(appended + " events appended and " + applied + " changes applied by bad requests"
                    + (viewsUnchanged ? "" : "; the target community's views changed"));
        }
        // In this row "acked" counts bad requests that were accepted, "stored" and "projected" what they added.
        Tally tally = new Tally(answers.acceptedAnswers(), appended, applied, 0, 0, 0, List.of());
        return Outcome.of(this, tally, null, observations, findings);
    }

    /** A community with two members, a plaque and an agreement, made through the API as an administrator would. */
    private KnownTargets targets(Drill drill) {
        DrillCommands admin = drill.admin();
        CommandApi commands = admin.api();
        String community = admin.establish("Fault drill hostile input");
        for (String member : List.of("hostile-target-member", "hostile-target-partner")) {
            commands.join(community, new JoinMember(member, "Drill member " + member, "ENTERPRISE", "CN-SC",
                    DrillCommands.DAY), CommandOptions.NONE);
        }
        String plaqueId = commands.awardPlaque(community, new AwardPlaque("School of Digital Media Industry",
                "hostile-target-member", "Drill committee", DrillCommands.DAY), CommandOptions.NONE).plaqueId();
        String agreementId = commands.signAgreement(community, new SignAgreement("Drill cooperation",
                List.of("hostile-target-member", "hostile-target-partner"), List.of("joint training"),
                DrillCommands.DAY), CommandOptions.NONE).agreementId();
        return new KnownTargets(community, "hostile-target-member", plaqueId, agreementId);
    }

    private static long changeLogSize(Drill drill) throws Exception {
        try (Connection connection = drill.store().connect();
             PreparedStatement count = connection.prepareStatement("select count(*) from projection.projection_change");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
