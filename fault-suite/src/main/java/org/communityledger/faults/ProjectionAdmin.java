package org.communityledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operator sees of the projection on the query service and does with it: dead letters, quarantined
 * communities, a community's staleness, the service's health, and a replay. Fails on any answer other than
 * the one the endpoint is for, since a scenario that cannot see these cannot judge anything.
 */
final class ProjectionAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerHttp admin;

    ProjectionAdmin(Drill drill) {
        this.admin = drill.queryAs("admin");
    }

    record DeadLetter(long id, String status, String reasonKind, String reason, String communityId, long version) {
    }

    record Quarantined(String communityId, long missingVersion, long heldEvents) {
    }

    /** The overall status, and the quarantine component's with the communities it names. */
    record Health(String status, String quarantine, List<String> quarantined) {

        boolean up() {
            return "UP".equals(status) && "UP".equals(quarantine);
        }

        @Override
        public String toString() {
            return status + " (quarantine " + quarantine + (quarantined.isEmpty() ? "" : " " + quarantined) + ")";
        }
    }

    record Replayed(long id, String outcome, int releasedEvents) {

        @Override
        public String toString() {
            return "dead letter " + id + " " + outcome + ", " + releasedEvents + " held events released";
        }
    }

    /** A community's replay: what was applied, and the dead letters that could not be. */
    record Replays(List<Replayed> replayed, List<String> failed) {

        @Override
        public String toString() {
            return replayed.isEmpty() && failed.isEmpty() ? "nothing to replay"
                    : String.join("; ", replayed.stream().map(Replayed::toString).toList())
                            + (failed.isEmpty() ? "" : "; failed: " + failed);
        }
    }

    /** Dead letters, newest first; {@code status} and {@code communityId} narrow the list when not null. */
    List<DeadLetter> deadLetters(String status, String communityId) throws Exception {
        StringBuilder path = new StringBuilder("/api/admin/dead-letters?limit=1000");
        if (status != null) {
            path.append("&status=").append(status);
        }
        if (communityId != null) {
            path.append("&communityId=").append(URLEncoder.encode(communityId, StandardCharsets.UTF_8));
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (JsonNode item : get(path.toString()).path("items")) {
            letters.add(new DeadLetter(item.path("id").asLong(), item.path("status").asText(),
                    item.path("reasonKind").asText(), item.path("reason").asText(), item.path("communityId").asText(),
                    item.path("version").asLong(-1)));
        }
        return letters;
    }

    List<Quarantined> quarantined() throws Exception {
        List<Quarantined> communities = new ArrayList<>();
        for (JsonNode item : get("/api/admin/quarantine").path("items")) {
            communities.add(new Quarantined(item.path("communityId").asText(), item.path("missingVersion").asLong(),
                    item.path("heldEvents").asLong()));
        }
        return communities;
    }

    Quarantined quarantined(String communityId) throws Exception {
        return quarantined().stream().filter(item -> item.communityId().equals(communityId)).findFirst().orElse(null);
    }

    /** The {@code stale} part of the community's view: null while the view is current. */
    JsonNode stale(String communityId) throws Exception {
        JsonNode stale = get("/api/communities/" + communityId).path("stale");
        return stale.isMissingNode() || stale.isNull() ? null : stale;
    }

    Health health() throws Exception {
        // DEGRADED answers 200 and DOWN 503; both carry the components, which is what is read here.
        JsonNode health = JSON.readTree(admin.get("/actuator/health", TIMEOUT).body());
        JsonNode quarantine = health.path("components").path("quarantine");
        List<String> named = new ArrayList<>();
        for (JsonNode community : quarantine.path("details").path("communities")) {
            named.add(community.path("communityId").asText());
        }
        return new Health(health.path("status").asText(), quarantine.path("status").asText("(none)"), named);
    }

    Replays replayCommunity(String communityId) throws Exception {
        LedgerHttp.Answer answer = admin.post("/api/admin/dead-letters/replay",
                JSON.writeValueAsString(Map.of("communityId", communityId)), Map.of(), TIMEOUT);
        if (answer.status() != 200) {
            throw new IllegalStateException("replaying the dead letters of " + communityId + " answered "
                    + answer.status() + ": " + Text.clip(answer.body()));
        }
        JsonNode body = JSON.readTree(answer.body());
        List<Replayed> replayed = new ArrayList<>();
        for (JsonNode item : body.path("replayed")) {
            replayed.add(new Replayed(item.path("id").asLong(), item.path("outcome").asText(),
                    item.path("releasedEvents").asInt()));
        }
        List<String> failed = new ArrayList<>();
        body.path("failed").forEach(item -> failed.add(item.path("id").asText() + ": " + item.path("detail").asText()));
        return new Replays(replayed, failed);
    }

    private JsonNode get(String path) throws Exception {
        LedgerHttp.Answer answer = admin.get(path, TIMEOUT);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": "
                    + Text.clip(answer.body()));
        }
        return JSON.readTree(answer.body());
    }
}
