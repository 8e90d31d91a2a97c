package org.communityledger.launcher.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClientException;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.LedgerUnreachableException;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.command.ApproveConstitution;
import org.communityledger.client.command.ApproveOrganizationalList;
import org.communityledger.client.command.AssignRole;
import org.communityledger.client.command.AwardPlaque;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.CommandResult;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;
import org.communityledger.client.command.SignAgreement;
import org.communityledger.client.community.Community;
import org.communityledger.client.stats.Stats;

/**
 * {@code ./ledger demo}: replays the establishment conference of 19 October 2025 (the seed report) through
 * the public API of a running system. Every command carries an idempotency key derived from its step, so
 * running the demo again records nothing new and ends with the same summary.
 */
public final class ConferenceDemo {

    static final LocalDate CONFERENCE_DAY = LocalDate.of(2025, 10, 19);
    /** Every command's idempotency key starts with it, so that a rerun is recognised as a retry. */
    private static final String KEY_PREFIX = "demo-conference-" + CONFERENCE_DAY + "/";
    private static final String COLLEGE = "nanchong-film-vocational-college";
    private static final String SOUTHERN_FILM = "southern-film-group";
    private static final String PRESENTER = "邹鹏 Zou Peng, Executive Vice President, Nanchong Film Industry Vocational College";

    private final CommandApi commands;
    private final QueryServiceClient views;
    private final List<DemoOrganization> organizations;

    private ConferenceDemo(CommandServiceClient command, QueryServiceClient query,
                           List<DemoOrganization> organizations) {
        this.commands = command.commands();
        this.views = query;
        this.organizations = organizations;
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String commandUrl = env.getOrDefault("LEDGER_COMMAND_URL",
                "http://127.0.0.1:" + env.getOrDefault("LEDGER_COMMAND_PORT", "8080"));
        String queryUrl = env.getOrDefault("LEDGER_QUERY_URL",
                "http://127.0.0.1:" + env.getOrDefault("LEDGER_QUERY_PORT", "8081"));
        try {
            run(commandUrl, queryUrl, env.getOrDefault("LEDGER_USER", "admin"), env.getOrDefault("LEDGER_PASSWORD", "admin"));
        } catch (DemoFailed e) {
            System.err.println("ledger demo: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Replays the conference against the given services and answers the community versions reached,
     * once the query side shows them; prints progress and a summary.
     */
    public static Map<String, Long> run(String commandUrl, String queryUrl, String user, String password) {
        Credentials admin = Credentials.basic(user, password);
        ConferenceDemo demo = new ConferenceDemo(LedgerClients.command(commandUrl, admin),
                LedgerClients.query(queryUrl, admin), DemoOrganization.load());
        try {
            return demo.replayConference();
        } catch (LedgerUnreachableException e) {
            throw new DemoFailed(e.getMessage() + "; is ./ledger up running?");
        } catch (LedgerClientException e) {
            throw new DemoFailed(e.getMessage());
        }
    }

    private Map<String, Long> replayConference() {
        System.out.println("Replaying the establishment conference of " + CONFERENCE_DAY + " ("
                + organizations.size() + " member organisations) ...");
        DemoCommunity audiovisual = new DemoCommunity("SA", "四川省智慧视听产业产教融合共同体 Sichuan Smart Audiovisual Industry-Education Integration Community",
                "Smart audiovisual", "School of Digital Media Industry",
                List.of("communication-university-of-china", "swpu-nanchong-campus"), "netdragon-network-holdings");
        DemoCommunity manufacturing = new DemoCommunity("IM", "四川省智能制造产业产教融合共同体 Sichuan Intelligent Manufacturing Industry-Education Integration Community",
                "Intelligent manufacturing", "School of Intelligent Manufacturing Industry",
                List.of("swpu-nanchong-campus"), "huidawen-jiangsu-education-technology");
        Map<String, Long> versions = new LinkedHashMap<>();
        for (DemoCommunity community : List.of(audiovisual, manufacturing)) {
            String communityId = establish(community);
            long version = replay(community, communityId);
            versions.put(communityId, version);
        }
        String audiovisualId = versions.keySet().iterator().next();
        long afterAgreement = signAgreement(audiovisualId);
        versions.put(audiovisualId, afterAgreement);
        awaitProjections(versions);
        printSummary(versions);
        return versions;
    }

    private String establish(DemoCommunity community) {
        String communityId = commands.establish(new EstablishCommunity(community.name(), community.sector(),
                "Sichuan", COLLEGE, "Literature and Art Center, Nanchong Film Industry Vocational College",
                CONFERENCE_DAY), options("establish/" + community.code())).communityId();
        System.out.println("  established " + community.name() + "\n    communityId " + communityId);
        return communityId;
    }

    private long replay(DemoCommunity community, String communityId) {
        String key = community.code() + "/";
        commands.approveConstitution(communityId, new ApproveConstitution("1.0",
                sha256("Constitution of " + community.name() + ", version 1.0 (demo text)"), CONFERENCE_DAY),
                options(key + "constitution"));
        List<DemoOrganization> members = organizations.stream().filter(o -> o.memberOf(community.code())).toList();
        int joined = 0;
        for (DemoOrganization organization : members) {
            commands.join(communityId, new JoinMember(organization.organizationId(), organization.name(),
                    organization.kind(), organization.province(), CONFERENCE_DAY),
                    options(key + "join/" + organization.organizationId()));
            joined++;
            if (joined % 10 == 0 || joined == members.size()) {
                System.out.printf("    members %d/%d%n", joined, members.size());
            }
        }
        commands.approveOrganizationalList(communityId, new ApproveOrganizationalList(positions(community),
                CONFERENCE_DAY), options(key + "organizational-list"));
        assign(communityId, key, SOUTHERN_FILM, "CHAIR_UNIT");
        assign(communityId, key, COLLEGE, "SECRETARIAT");
        community.viceChairs().forEach(viceChair -> assign(communityId, key, viceChair, "VICE_CHAIR_UNIT"));
        assign(communityId, key, community.leadingEnterprise(), "LEADING_ENTERPRISE");
        CommandResult plaque = commands.awardPlaque(communityId, new AwardPlaque(community.plaque(), COLLEGE,
                PRESENTER, CONFERENCE_DAY), options(key + "plaque"));
        System.out.println("    chair unit Southern Film Group; plaque \"" + community.plaque() + "\" to "
                + "Nanchong Film Industry Vocational College");
        return plaque.version();
    }

    private long signAgreement(String communityId) {
        CommandResult signed = commands.signAgreement(communityId, new SignAgreement(
                "Strategic cooperation agreement 战略合作协议", List.of("hust-press", SOUTHERN_FILM),
                List.of("textbook development", "resource construction"), CONFERENCE_DAY),
                options("SA/agreement/hust-press/southern-film-group"));
        System.out.println("  agreement signed: HUST Press and Southern Film Group (textbook development, resource construction)");
        return signed.version();
    }

    private void assign(String communityId, String key, String organizationId, String role) {
        commands.assignRole(communityId, organizationId, AssignRole.of(role),
                options(key + "role/" + organizationId + "/" + role));
    }

    private static CommandOptions options(String step) {
        return CommandOptions.idempotent(KEY_PREFIX + step).withCorrelationId("ledger-demo");
    }

    private List<ApproveOrganizationalList.Position> positions(DemoCommunity community) {
        List<ApproveOrganizationalList.Position> positions = new ArrayList<>();
        positions.add(new ApproveOrganizationalList.Position(SOUTHERN_FILM, "理事长单位 Chair unit"));
        positions.add(new ApproveOrganizationalList.Position(COLLEGE, "秘书长单位 Secretary-general unit"));
        community.viceChairs().forEach(viceChair ->
                positions.add(new ApproveOrganizationalList.Position(viceChair, "副理事长单位 Vice-chair unit")));
        positions.add(new ApproveOrganizationalList.Position(community.leadingEnterprise(),
                "龙头企业 Leading enterprise"));
        return positions;
    }

    /** Waits until the query side has applied every event the demo caused (or already had). */
    private void awaitProjections(Map<String, Long> versions) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (Map.Entry<String, Long> community : versions.entrySet()) {
            while (true) {
                Community view = viewOrNull(community.getKey());
                if (view != null && view.version() >= community.getValue()) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new DemoFailed("the query side did not catch up within 60 s");
                }
                sleep();
            }
        }
    }

    /** The community's view, or null while the query side has not seen it yet. */
    private Community viewOrNull(String communityId) {
        try {
            return views.communities().community(communityId);
        } catch (LedgerProblemException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private void printSummary(Map<String, Long> versions) {
        Stats stats = views.stats().stats();
        System.out.println();
        System.out.println("Summary (from the query API)");
        System.out.printf("  communities      %d%n", stats.communities());
        System.out.printf("  organisations    %d distinct active members%n", stats.organizations());
        System.out.printf("  provinces        %d provincial-level regions%n", stats.provinces());
        for (String communityId : versions.keySet()) {
            Community community = views.communities().community(communityId);
            System.out.printf("  %s%n", community.name());
            System.out.printf("    members %d, chair unit %s, constitution %s, version %d%n",
                    community.memberCount(), community.chairUnit().name(), community.constitutionVersion(),
                    community.version());
            community.plaques().forEach(plaque ->
                    System.out.printf("    plaque     %s -> %s%n", plaque.title(), plaque.recipientName()));
            community.agreements().forEach(agreement ->
                    System.out.printf("    agreement  %s: %s%n", agreement.title(), agreement.partyOrganizationIds()));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailed("interrupted");
        }
    }

    /** The demo cannot go on; the message says why. */
    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }

    /** One of the two communities the conference established. */
    private record DemoCommunity(String code, String name, String sector, String plaque, List<String> viceChairs,
                                 String leadingEnterprise) {
    }
}
