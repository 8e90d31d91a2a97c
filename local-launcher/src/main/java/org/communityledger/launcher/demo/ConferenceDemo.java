package org.communityledger.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./ledger demo}: replays the establishment conference of 19 October 2025 (the seed report) through
 * the public API of a running system. Every command carries an idempotency key derived from its step, so
 * running the demo again records nothing new and ends with the same summary.
 */
public final class ConferenceDemo {

    static final String CONFERENCE_DAY = "2025-10-19";
    private static final String COLLEGE = "nanchong-film-vocational-college";
    private static final String SOUTHERN_FILM = "southern-film-group";
    private static final String PRESENTER = "邹鹏 Zou Peng, Executive Vice President, Nanchong Film Industry Vocational College";

    private final LedgerClient ledger;
    private final List<DemoOrganization> organizations;

    private ConferenceDemo(LedgerClient ledger, List<DemoOrganization> organizations) {
        this.ledger = ledger;
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
        } catch (LedgerClient.DemoFailed e) {
            System.err.println("ledger demo: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Replays the conference against the given services and answers the community versions reached,
     * once the query side shows them; prints progress and a summary.
     */
    public static Map<String, Long> run(String commandUrl, String queryUrl, String user, String password) {
        ConferenceDemo demo = new ConferenceDemo(
                new LedgerClient(commandUrl, queryUrl, "demo-conference-" + CONFERENCE_DAY + "/", user, password),
                DemoOrganization.load());
        return demo.replayConference();
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", community.name());
        body.put("sector", community.sector());
        body.put("region", "Sichuan");
        body.put("hostOrganizationId", COLLEGE);
        body.put("venue", "Literature and Art Center, Nanchong Film Industry Vocational College");
        body.put("establishedOn", CONFERENCE_DAY);
        String communityId = ledger.command("/api/communities", body, "establish/" + community.code())
                .get("communityId").asText();
        System.out.println("  established " + community.name() + "\n    communityId " + communityId);
        return communityId;
    }

    private long replay(DemoCommunity community, String communityId) {
        String base = "/api/communities/" + communityId;
        String key = community.code() + "/";
        ledger.command(base + "/constitution", Map.of(
                "version", "1.0",
                "documentSha256", sha256("Constitution of " + community.name() + ", version 1.0 (demo text)"),
                "approvedOn", CONFERENCE_DAY), key + "constitution");
        List<DemoOrganization> members = organizations.stream().filter(o -> o.memberOf(community.code())).toList();
        int joined = 0;
        for (DemoOrganization organization : members) {
            ledger.command(base + "/members", Map.of(
                    "organizationId", organization.organizationId(),
                    "name", organization.name(),
                    "kind", organization.kind(),
                    "province", organization.province(),
                    "joinedOn", CONFERENCE_DAY), key + "join/" + organization.organizationId());
            joined++;
            if (joined % 10 == 0 || joined == members.size()) {
                System.out.printf("    members %d/%d%n", joined, members.size());
            }
        }
        ledger.command(base + "/organizational-list", Map.of(
                "positions", positions(community),
                "approvedOn", CONFERENCE_DAY), key + "organizational-list");
        assign(base, key, SOUTHERN_FILM, "CHAIR_UNIT");
        assign(base, key, COLLEGE, "SECRETARIAT");
        community.viceChairs().forEach(viceChair -> assign(base, key, viceChair, "VICE_CHAIR_UNIT"));
        assign(base, key, community.leadingEnterprise(), "LEADING_ENTERPRISE");
        JsonNode plaque = ledger.command(base + "/plaques", Map.of(
                "title", community.plaque(),
                "recipientOrganizationId", COLLEGE,
                "presentedBy", PRESENTER,
                "awardedOn", CONFERENCE_DAY), key + "plaque");
        System.out.println("    chair unit Southern Film Group; plaque \"" + community.plaque() + "\" to "
                + "Nanchong Film Industry Vocational College");
        return plaque.get("version").asLong();
    }

    private long signAgreement(String communityId) {
        JsonNode signed = ledger.command("/api/communities/" + communityId + "/agreements", Map.of(
                "title", "Strategic cooperation agreement 战略合作协议",
                "partyOrganizationIds", List.of("hust-press", SOUTHERN_FILM),
                "scope", List.of("textbook development", "resource construction"),
                "signedOn", CONFERENCE_DAY), "SA/agreement/hust-press/southern-film-group");
        System.out.println("  agreement signed: HUST Press and Southern Film Group (textbook development, resource construction)");
        return signed.get("version").asLong();
    }

    private void assign(String base, String key, String organizationId, String role) {
        ledger.command(base + "/members/" + organizationId + "/roles", Map.of("role", role),
                key + "role/" + organizationId + "/" + role);
    }

    private List<Map<String, String>> positions(DemoCommunity community) {
        java.util.ArrayList<Map<String, String>> positions = new java.util.ArrayList<>();
        positions.add(Map.of("organizationId", SOUTHERN_FILM, "position", "理事长单位 Chair unit"));
        positions.add(Map.of("organizationId", COLLEGE, "position", "秘书长单位 Secretary-general unit"));
        community.viceChairs().forEach(viceChair ->
                positions.add(Map.of("organizationId", viceChair, "position", "副理事长单位 Vice-chair unit")));
        positions.add(Map.of("organizationId", community.leadingEnterprise(),
                "position", "龙头企业 Leading enterprise"));
        return positions;
    }

    /** Waits until the query side has applied every event the demo caused (or already had). */
    private void awaitProjections(Map<String, Long> versions) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (Map.Entry<String, Long> community : versions.entrySet()) {
            while (true) {
                JsonNode view = ledger.view("/api/communities/" + community.getKey());
                if (view != null && view.get("version").asLong() >= community.getValue()) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new LedgerClient.DemoFailed("the query side did not catch up within 60 s");
                }
                sleep();
            }
        }
    }

    private void printSummary(Map<String, Long> versions) {
        JsonNode stats = ledger.view("/api/stats");
        System.out.println();
        System.out.println("Summary (from the query API)");
        System.out.printf("  communities      %d%n", stats.get("communities").asLong());
        System.out.printf("  organisations    %d distinct active members%n", stats.get("organizations").asLong());
        System.out.printf("  provinces        %d provincial-level regions%n", stats.get("provinces").asLong());
        for (String communityId : versions.keySet()) {
            JsonNode community = ledger.view("/api/communities/" + communityId);
            System.out.printf("  %s%n", community.get("name").asText());
            System.out.printf("    members %d, chair unit %s, constitution %s, version %d%n",
                    community.get("memberCount").asLong(), community.get("chairUnit").get("name").asText(),
                    community.get("constitutionVersion").asText(), community.get("version").asLong());
            community.get("plaques").forEach(plaque ->
                    System.out.printf("    plaque     %s -> %s%n", plaque.get("title").asText(),
                            plaque.get("recipientName").asText()));
            community.get("agreements").forEach(agreement ->
                    System.out.printf("    agreement  %s: %s%n", agreement.get("title").asText(),
                            agreement.get("partyOrganizationIds")));
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
            throw new LedgerClient.DemoFailed("interrupted");
        }
    }

    /** One of the two communities the conference established. */
    private record DemoCommunity(String code, String name, String sector, String plaque, List<String> viceChairs,
                                 String leadingEnterprise) {
    }
}
