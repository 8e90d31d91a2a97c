package org.communityledger.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.community.Community;
import org.communityledger.client.deadletter.DeadLetterApi;
import org.communityledger.client.deadletter.ReplaySelection;

/**
 * What an operator sees of the projection on the query service and does with it: dead letters, quarantined
 * communities, a community's staleness, the service's health, and a replay. Fails on any answer other than
 * the one the endpoint is for, since a scenario that cannot see these cannot judge anything.
 */
final class ProjectionAdmin {

    private final QueryServiceClient admin;

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
    List<DeadLetter> deadLetters(String status, String communityId) {
        return admin.deadLetters().list(status, communityId, DeadLetterApi.MAX_LIMIT).items().stream()
                .map(letter -> new DeadLetter(letter.id(), letter.status(), letter.reasonKind(), letter.reason(),
                        letter.communityId(), letter.version() == null ? -1 : letter.version()))
                .toList();
    }

    List<Quarantined> quarantined() {
        return admin.quarantine().quarantined().items().stream()
                .map(item -> new Quarantined(item.communityId(), item.missingVersion(), item.heldEvents()))
                .toList();
    }

    Quarantined quarantined(String communityId) {
        return quarantined().stream().filter(item -> item.communityId().equals(communityId)).findFirst().orElse(null);
    }

    /** The {@code stale} part of the community's view: null while the view is current. */
    Community.Stale stale(String communityId) {
        return admin.communities().community(communityId).stale();
    }

    Health health() {
        // DEGRADED answers 200 and DOWN 503; both carry the components, which is what is read here.
        org.communityledger.client.health.Health health = admin.health().health();
        var quarantine = health.component("quarantine");
        List<String> named = new ArrayList<>();
        if (quarantine.isPresent() && quarantine.get().details().get("communities") instanceof List<?> communities) {
            for (Object community : communities) {
                if (community instanceof Map<?, ?> listed && listed.get("communityId") != null) {
                    named.add(listed.get("communityId").toString());
                }
            }
        }
        return new Health(health.status(), quarantine.map(component -> component.status()).orElse("(none)"), named);
    }

    Replays replayCommunity(String communityId) {
        org.communityledger.client.deadletter.Replays answer =
                admin.deadLetters().replay(ReplaySelection.community(communityId));
        List<Replayed> replayed = answer.replayed().stream()
                .map(item -> new Replayed(item.id(), item.outcome().name(),
                        item.releasedEvents() == null ? 0 : item.releasedEvents()))
                .toList();
        List<String> failed = answer.failed().stream().map(item -> item.id() + ": " + item.detail()).toList();
        return new Replays(replayed, failed);
    }
}
