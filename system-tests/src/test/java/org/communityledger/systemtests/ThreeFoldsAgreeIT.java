package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.audit.HistoricalState;
import org.communityledger.client.command.ApproveConstitution;
import org.communityledger.client.command.ApproveOrganizationalList;
import org.communityledger.client.command.AssignRole;
import org.communityledger.client.command.AwardPlaque;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.CommandResult;
import org.communityledger.client.command.DissolveCommunity;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;
import org.communityledger.client.command.LeaveCommunity;
import org.communityledger.client.command.RevokePlaque;
import org.communityledger.client.command.SignAgreement;
import org.communityledger.client.command.TerminateAgreement;
import org.communityledger.client.community.Community;
import org.communityledger.client.community.Member;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.junit.jupiter.api.Test;

/**
 * The same events are folded three times: by the aggregate (to decide what it accepts), by the query service's
 * projector (the views) and by the audit API's time travel (a community as of a version). A scripted history
 * with the cases where folds go wrong (a chair handed over, a role holder leaving and rejoining, revoked plaques,
 * terminated agreements, an organisational list replaced, dissolution) is run through the real system; after
 * every command the view must show what time travel shows at that version, and at the end the aggregate must
 * refuse exactly what that state says it should, which records nothing.
 */
class ThreeFoldsAgreeIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static final LocalDate DAY = LocalDate.of(2025, 10, 19);
    private static final List<String> ROLES = List.of("CHAIR_UNIT", "VICE_CHAIR_UNIT", "SECRETARIAT",
            "LEADING_ENTERPRISE");
    private static final String NANCHONG = "nanchong-film-vocational-college";
    private static final String SOUTHERN_FILM = "91440300708461136T";
    private static final String HUST_PRESS = "hust-press";
    private static final String SICHUAN_MEDIA = "sichuan-media-group";
    private static final String CHENGDU_TECH = "chengdu-tech-college";

    private CommandApi commands;
    private CommandServiceClient auditor;
    private QueryServiceClient viewer;
    private final Set<String> everyOrganization = new LinkedHashSet<>();
    private final List<String> plaqueIds = new ArrayList<>();
    private final List<String> agreementIds = new ArrayList<>();

    @Test
    void the_aggregate_the_views_and_time_travel_agree_after_every_command_of_a_scripted_history()
            throws Exception {
        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-folds-");
        try (LocalSystem system = LocalSystem.start(LaunchSettings.onFreePorts(HOME, dataDir))) {
            commands = LedgerClients.command(system.commandUrl(), Credentials.basic("admin", "admin")).commands();
            auditor = LedgerClients.command(system.commandUrl(), Credentials.basic("auditor", "auditor"));
            viewer = LedgerClients.query(system.queryUrl(), Credentials.basic("viewer", "viewer"));

            String community = script(this::smartAudiovisual);
            String dissolved = script(this::dissolvedAfterAYear);

            aggregateRefusesWhatTheStateForbids(community);
            aggregateRefusesWhatTheStateForbids(dissolved);
        }
    }

    /** A history with every kind of event, and the hand-overs and departures where folds disagree first. */
    private String smartAudiovisual(List<Supplier<CommandResult>> steps) {
        String id = establish("四川省智慧视听产业产教融合共同体");
        steps.add(() -> commands.approveConstitution(id, new ApproveConstitution("1.0", "a".repeat(64), DAY),
                CommandOptions.NONE));
        steps.add(() -> join(id, NANCHONG, "南充影视职业学院", "VOCATIONAL_COLLEGE", "CN-SC"));
        steps.add(() -> join(id, SOUTHERN_FILM, "南方影视集团", "ENTERPRISE", "CN-GD"));
        steps.add(() -> join(id, HUST_PRESS, "华中科技大学出版社", "ENTERPRISE", "CN-HB"));
        steps.add(() -> join(id, SICHUAN_MEDIA, "四川传媒集团", "ENTERPRISE", "CN-SC"));
        steps.add(() -> commands.approveOrganizationalList(id, new ApproveOrganizationalList(List.of(
                new ApproveOrganizationalList.Position(NANCHONG, "理事长单位"),
                new ApproveOrganizationalList.Position(HUST_PRESS, "秘书长单位")), DAY), CommandOptions.NONE));
        steps.add(() -> assign(id, NANCHONG, "CHAIR_UNIT", false));
        steps.add(() -> assign(id, SOUTHERN_FILM, "VICE_CHAIR_UNIT", false));
        steps.add(() -> assign(id, HUST_PRESS, "SECRETARIAT", false));
        steps.add(() -> assign(id, HUST_PRESS, "LEADING_ENTERPRISE", false));
        steps.add(() -> assign(id, SOUTHERN_FILM, "CHAIR_UNIT", true));
        steps.add(() -> commands.leave(id, HUST_PRESS, new LeaveCommunity("合作期满", DAY), CommandOptions.NONE));
        steps.add(() -> join(id, HUST_PRESS, "华中科技大学出版社", "ENTERPRISE", "CN-HB"));
        steps.add(() -> award(id, new AwardPlaque("School of Digital Media Industry", NANCHONG, "Southern Film",
                DAY)));
        steps.add(() -> award(id, new AwardPlaque("Media Practice Base", SICHUAN_MEDIA, "Southern Film", DAY)));
        steps.add(() -> commands.revokePlaque(id, plaqueIds.get(0), new RevokePlaque("issued in error"),
                CommandOptions.NONE));
        steps.add(() -> sign(id, new SignAgreement("Strategic cooperation 战略合作协议", List.of(HUST_PRESS,
                SOUTHERN_FILM), List.of("textbook development"), DAY)));
        steps.add(() -> sign(id, new SignAgreement("Practice base", List.of(SICHUAN_MEDIA, NANCHONG, SOUTHERN_FILM),
                List.of("internships", "joint courses"), DAY)));
        steps.add(() -> commands.terminateAgreement(id, agreementIds.get(0), new TerminateAgreement("superseded",
                DAY), CommandOptions.NONE));
        steps.add(() -> commands.leave(id, SICHUAN_MEDIA, new LeaveCommunity("merged", DAY), CommandOptions.NONE));
        steps.add(() -> commands.approveConstitution(id, new ApproveConstitution("2.0", "b".repeat(64), DAY),
                CommandOptions.NONE));
        steps.add(() -> commands.approveOrganizationalList(id, new ApproveOrganizationalList(List.of(
                new ApproveOrganizationalList.Position(SOUTHERN_FILM, "理事长单位")), DAY), CommandOptions.NONE));
        steps.add(() -> commands.revokeRole(id, SOUTHERN_FILM, "VICE_CHAIR_UNIT", CommandOptions.NONE));
        return id;
    }

    /** A community whose chair leaves before it is dissolved. */
    private String dissolvedAfterAYear(List<Supplier<CommandResult>> steps) {
        String id = establish("四川省智能制造产业产教融合共同体");
        steps.add(() -> join(id, NANCHONG, "南充影视职业学院", "VOCATIONAL_COLLEGE", "CN-SC"));
        steps.add(() -> join(id, CHENGDU_TECH, "成都工业职业技术学院", "VOCATIONAL_COLLEGE", "CN-SC"));
        steps.add(() -> assign(id, CHENGDU_TECH, "CHAIR_UNIT", false));
        steps.add(() -> commands.leave(id, CHENGDU_TECH, new LeaveCommunity("withdrew", DAY), CommandOptions.NONE));
        steps.add(() -> commands.dissolve(id, new DissolveCommunity("goals met", DAY.plusYears(1)),
                CommandOptions.NONE));
        return id;
    }

    private interface History {
        String write(List<Supplier<CommandResult>> steps);
    }

    /** Runs a history's commands one by one, comparing the view with time travel after each. */
    private String script(History history) {
        List<Supplier<CommandResult>> steps = new ArrayList<>();
        String id = history.write(steps);
        viewAgreesWithTimeTravel(id, 1, null);
        for (Supplier<CommandResult> step : steps) {
            CommandResult result = step.get();
            viewAgreesWithTimeTravel(id, result.version(), result.position());
        }
        return id;
    }

    private void viewAgreesWithTimeTravel(String communityId, long version, Long position) {
        HistoricalState state = auditor.history().stateAtVersion(communityId, version);
        Community view = viewer.communities().community(communityId, position == null ? state.position() : position);
        List<Member> members = viewer.communities().members(communityId, null, null, null, null, 0, 200,
                state.position()).items();
        String at = "version " + version + " of " + state.name();

        assertThat(view.version()).as(at).isEqualTo(state.version());
        assertThat(view.position()).as(at).isEqualTo(state.position());
        assertThat(List.of(view.name(), view.sector(), view.region(), view.hostOrganizationId(), view.venue(),
                view.establishedOn(), view.status())).as(at).containsExactly(state.name(), state.sector(),
                state.region(), state.hostOrganizationId(), state.venue(), state.establishedOn(), state.status());
        assertThat(view.dissolvedOn()).as(at).isEqualTo(state.dissolvedOn());
        assertThat(view.constitutionVersion()).as(at).isEqualTo(state.constitutionVersions().isEmpty() ? null
                : state.constitutionVersions().get(state.constitutionVersions().size() - 1));

        assertThat(view.memberCount()).as(at).isEqualTo(state.members().size());
        assertThat(members.stream().map(ThreeFoldsAgreeIT::fromView).sorted(BY_ID).toList()).as(at)
                .isEqualTo(state.members().stream().map(member -> fromState(member, state)).sorted(BY_ID).toList());
        assertThat(view.chairUnit() == null ? null : view.chairUnit().organizationId()).as(at)
                .isEqualTo(state.members().stream().filter(member -> member.roles().contains("CHAIR_UNIT"))
                        .map(HistoricalState.Member::organizationId).findFirst().orElse(null));

        assertThat(view.plaques().stream().map(plaque -> List.of(plaque.plaqueId(), plaque.title(),
                plaque.recipientOrganizationId(), plaque.presentedBy(), plaque.awardedOn(), plaque.revoked())))
                .as(at).containsExactlyInAnyOrderElementsOf(state.plaques().stream().map(plaque -> List.of(
                        plaque.plaqueId(), plaque.title(), plaque.recipientOrganizationId(), plaque.presentedBy(),
                        plaque.awardedOn(), plaque.revoked())).toList());
        assertThat(view.agreements().stream().map(agreement -> List.of(agreement.agreementId(), agreement.title(),
                agreement.partyOrganizationIds(), agreement.scope(), agreement.signedOn(), agreement.status(),
                String.valueOf(agreement.terminatedOn())))).as(at)
                .containsExactlyInAnyOrderElementsOf(state.agreements().stream().map(agreement -> List.of(
                        agreement.agreementId(), agreement.title(), agreement.partyOrganizationIds(),
                        agreement.scope(), agreement.signedOn(),
                        agreement.terminatedOn() == null ? "ACTIVE" : "TERMINATED",
                        String.valueOf(agreement.terminatedOn()))).toList());
    }

    /** The facts a member shares across the folds; roles in a fixed order. */
    private record MemberFacts(String organizationId, String name, String kind, String province, LocalDate joinedOn,
                               Set<String> roles, String position) {
    }

    private static final Comparator<MemberFacts> BY_ID = Comparator.comparing(MemberFacts::organizationId);

    private static MemberFacts fromView(Member member) {
        return new MemberFacts(member.organizationId(), member.name(), member.kind(), member.province(),
                member.joinedOn(), Set.copyOf(member.roles()), member.position());
    }

    private static MemberFacts fromState(HistoricalState.Member member, HistoricalState state) {
        String position = state.organizationalList().stream()
                .filter(listed -> listed.organizationId().equals(member.organizationId()))
                .map(HistoricalState.Position::position).findFirst().orElse(null);
        return new MemberFacts(member.organizationId(), member.name(), member.kind(), member.province(),
                member.joinedOn(), Set.copyOf(member.roles()), position);
    }

    /**
     * Asks the aggregate for everything the final state says it must refuse: each refusal names the rule, and
     * neither the log nor the views move.
     */
    private void aggregateRefusesWhatTheStateForbids(String communityId) {
        HistoricalState before = latestState(communityId);
        long totalBefore = auditor.history().feed(0, 1).total();

        if ("DISSOLVED".equals(before.status())) {
            refused("community-dissolved", () -> join(communityId, HUST_PRESS, "华中科技大学出版社", "ENTERPRISE",
                    "CN-HB"));
            refused("community-dissolved", () -> assign(communityId, NANCHONG, "CHAIR_UNIT", false));
        } else {
            refusalsOfAnActiveCommunity(communityId, before);
        }

        assertThat(auditor.history().feed(0, 1).total()).as("refusals record nothing").isEqualTo(totalBefore);
        assertThat(auditor.history().communityEvents(communityId, before.version() - 1, 10).items())
                .singleElement().satisfies(last -> assertThat(last.position()).isEqualTo(before.position()));
        assertThat(latestState(communityId)).isEqualTo(before);
        viewAgreesWithTimeTravel(communityId, before.version(), before.position());
    }

    private void refusalsOfAnActiveCommunity(String communityId, HistoricalState state) {
        boolean chairTaken = state.members().stream().anyMatch(member -> member.roles().contains("CHAIR_UNIT"));
        assertThat(chairTaken).as("the script leaves a chair unit in place").isTrue();
        Set<String> active = new LinkedHashSet<>();
        for (HistoricalState.Member member : state.members()) {
            active.add(member.organizationId());
            refused("already-active-member", () -> join(communityId, member.organizationId(), member.name(),
                    member.kind(), member.province()));
            for (String role : ROLES) {
                if (member.roles().contains(role)) {
                    refused("role-already-held", () -> assign(communityId, member.organizationId(), role, false));
                } else {
                    refused("role-not-held", () -> commands.revokeRole(communityId, member.organizationId(), role,
                            CommandOptions.NONE));
                    if (role.equals("CHAIR_UNIT")) {
                        refused("chair-unit-taken", () -> assign(communityId, member.organizationId(), role, false));
                    }
                }
            }
        }
        assertThat(active).as("the script leaves some organisations outside").isNotEqualTo(everyOrganization);
        everyOrganization.stream().filter(organization -> !active.contains(organization)).forEach(organization ->
                refused("not-an-active-member", () -> assign(communityId, organization, "SECRETARIAT", false)));
        state.constitutionVersions().forEach(version -> refused("constitution-version-exists",
                () -> commands.approveConstitution(communityId, new ApproveConstitution(version, "c".repeat(64),
                        DAY), CommandOptions.NONE)));
        state.plaques().stream().filter(HistoricalState.Plaque::revoked).forEach(plaque ->
                refused("plaque-already-revoked", () -> commands.revokePlaque(communityId, plaque.plaqueId(),
                        new RevokePlaque("again"), CommandOptions.NONE)));
        state.agreements().stream().filter(agreement -> agreement.terminatedOn() != null).forEach(agreement ->
                refused("agreement-already-terminated", () -> commands.terminateAgreement(communityId,
                        agreement.agreementId(), new TerminateAgreement("again", DAY), CommandOptions.NONE)));
    }

    private void refused(String rule, ThrowingCallable command) {
        assertThatThrownBy(command).isInstanceOfSatisfying(LedgerProblemException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.problem().type()).isEqualTo("urn:community-ledger:rule:" + rule);
        });
    }

    private HistoricalState latestState(String communityId) {
        return auditor.history().stateAsOf(communityId, Instant.now());
    }

    private String establish(String name) {
        everyOrganization.add(NANCHONG);
        return commands.establish(new EstablishCommunity(name, "Smart audiovisual", "Sichuan", NANCHONG,
                "Literature and Art Center", DAY), CommandOptions.NONE).communityId();
    }

    private CommandResult join(String communityId, String organizationId, String name, String kind,
                               String province) {
        everyOrganization.add(organizationId);
        return commands.join(communityId, new JoinMember(organizationId, name, kind, province, DAY),
                CommandOptions.NONE);
    }

    private CommandResult assign(String communityId, String organizationId, String role, boolean transfer) {
        return commands.assignRole(communityId, organizationId, new AssignRole(role, transfer), CommandOptions.NONE);
    }

    private CommandResult award(String communityId, AwardPlaque plaque) {
        CommandResult result = commands.awardPlaque(communityId, plaque, CommandOptions.NONE);
        plaqueIds.add(result.plaqueId());
        return result;
    }

    private CommandResult sign(String communityId, SignAgreement agreement) {
        CommandResult result = commands.signAgreement(communityId, agreement, CommandOptions.NONE);
        agreementIds.add(result.agreementId());
        return result;
    }
}
