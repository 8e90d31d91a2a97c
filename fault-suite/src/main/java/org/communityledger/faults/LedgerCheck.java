package org.communityledger.faults;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.communityledger.client.rebuild.RebuildApi;

/**
 * Compares what the clients were told with what the system holds: every acknowledged command's event in the
 * event store exactly once, every stored event on the topic in its community's order, and every one applied
 * exactly once to the views, which must also equal a rebuild from scratch.
 */
final class LedgerCheck {

    private static final int MAX_FINDINGS = 20;

    private final StoredEvents store;
    private final TopicRecords topic;
    private final ProjectedViews views;

    LedgerCheck(StoredEvents store, TopicRecords topic, ProjectedViews views) {
        this.store = store;
        this.topic = topic;
        this.views = views;
    }

    /**
     * Checks again and again until the topic and the views have caught up with the store, or the time is up;
     * answers the last check. A system that recovered settles within seconds; one that lost something never does.
     */
    Tally settle(Collection<String> communities, Collection<RecordingLoad.Ack> acks, Duration within)
            throws SQLException {
        long deadline = System.nanoTime() + within.toNanos();
        // The whole check reads the whole topic; the views' versions are one query away, so wait on them first.
        while (!viewsCaughtUp(communities) && System.nanoTime() < deadline) {
            Rest.sleep(Duration.ofMillis(250));
        }
        Tally tally = check(communities, acks);
        while (!tally.clean() && System.nanoTime() < deadline) {
            Rest.sleep(Duration.ofSeconds(1));
            tally = check(communities, acks);
        }
        return tally;
    }

    private boolean viewsCaughtUp(Collection<String> communities) throws SQLException {
        Map<String, Long> stored = store.countsOf(communities);
        Map<String, ProjectedViews.CommunityRow> rows = views.communities(communities);
        return stored.entrySet().stream().allMatch(community -> rows.containsKey(community.getKey())
                && rows.get(community.getKey()).version() >= community.getValue());
    }

    Tally check(Collection<String> communities, Collection<RecordingLoad.Ack> acks) throws SQLException {
        return compare(read(communities), acks);
    }

    /**
     * Everything the check compares, read at one moment: the store, the topic and the views of these communities.
     * Kept apart from the comparison so that the self-test can hand the comparison a state with one known defect
     * that no live system can be made to show on demand (a record missing from the topic, a key stored twice).
     */
    record LedgerState(Set<String> communities, List<StoredEvents.StoredEvent> stored,
                       Map<String, List<Long>> onTopic, Map<String, ProjectedViews.CommunityRow> rows,
                       Set<String> members, Map<String, Long> changes) {
    }

    LedgerState read(Collection<String> communities) throws SQLException {
        Set<String> ids = Set.copyOf(communities);
        return new LedgerState(ids, store.of(ids), topic.versionsOf(ids), views.communities(ids),
                views.activeMembers(ids), views.changesPerCommunity(ids));
    }

    Tally compare(LedgerState state, Collection<RecordingLoad.Ack> acks) {
        List<StoredEvents.StoredEvent> stored = state.stored();
        List<String> findings = new ArrayList<>();
        long lost = 0;
        long twice = 0;

        Map<String, List<StoredEvents.StoredEvent>> byKey = stored.stream()
                .filter(event -> event.idempotencyKey() != null)
                .collect(Collectors.groupingBy(StoredEvents.StoredEvent::idempotencyKey));
        for (RecordingLoad.Ack ack : acks) {
            List<StoredEvents.StoredEvent> events = byKey.get(ack.key());
            if (events == null) {
                lost++;
                note(findings, "acknowledged command " + ack.key() + " (version " + ack.version()
                        + ") is not in the event store");
            } else if (events.get(0).version() != ack.version() || events.get(0).position() != ack.position()) {
                note(findings, "command " + ack.key() + " was answered version " + ack.version() + " at "
                        + ack.position() + ", but is stored as version " + events.get(0).version() + " at "
                        + events.get(0).position());
            }
        }
        for (Map.Entry<String, List<StoredEvents.StoredEvent>> key : byKey.entrySet()) {
            if (key.getValue().size() > 1) {
                twice += key.getValue().size() - 1;
                note(findings, "idempotency key " + key.getKey() + " appended " + key.getValue().size() + " times");
            }
        }

        Map<String, List<StoredEvents.StoredEvent>> byCommunity = stored.stream()
                .collect(Collectors.groupingBy(StoredEvents.StoredEvent::communityId));
        Map<String, ProjectedViews.CommunityRow> rows = state.rows();
        Set<String> members = state.members();
        long repeats = 0;
        long projected = 0;
        for (String community : state.communities()) {
            List<StoredEvents.StoredEvent> events = byCommunity.getOrDefault(community, List.of());
            long count = events.size();
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).version() != i + 1) {
                    note(findings, "community " + community + " has a gap: its event " + (i + 1) + " is version "
                            + events.get(i).version());
                    break;
                }
            }
            TopicOrder order = TopicOrder.of(state.onTopic().getOrDefault(community, List.of()));
            repeats += order.repeats();
            List<Long> missing = order.missingOf(count);
            if (!missing.isEmpty()) {
                lost += missing.size();
                note(findings, "community " + community + ": " + missing.size() + " of its " + count
                        + " stored events are not on the topic, e.g. version " + missing.get(0));
            }
            List<Long> strays = order.beyond(count);
            if (!strays.isEmpty()) {
                note(findings, "community " + community + ": the topic holds versions the store does not have: "
                        + Text.clip(strays.toString()));
            }
            if (order.outOfOrder() > 0) {
                note(findings, "community " + community + ": " + order.outOfOrder()
                        + " records on the topic arrived before an earlier version");
            }
            ProjectedViews.CommunityRow row = rows.get(community);
            long applied = row == null ? 0 : row.version();
            projected += Math.min(applied, count);
            if (applied < count) {
                lost += count - applied;
                note(findings, "community " + community + ": views applied " + applied + " of " + count + " events");
            } else if (applied > count) {
                twice += applied - count;
                note(findings, "community " + community + ": views are at version " + applied + ", the store at " + count);
            }
            long activeRows = members.stream().filter(member -> member.startsWith(community + "/")).count();
            long joins = events.stream().filter(event -> event.payloadType().endsWith("MemberJoined")).count();
            if (row != null && applied == count && (row.memberCount() != activeRows || activeRows != joins)) {
                twice += Math.max(0, Math.max(row.memberCount(), activeRows) - joins);
                note(findings, "community " + community + ": member count " + row.memberCount() + ", active rows "
                        + activeRows + ", joins stored " + joins);
            }
            long logged = state.changes().getOrDefault(community, 0L);
            if (applied == count && logged != count) {
                twice += Math.max(0, logged - count);
                note(findings, "community " + community + ": " + logged + " change-log entries for " + count + " events");
            }
        }
        for (RecordingLoad.Ack ack : acks) {
            if (!members.contains(ack.communityId() + "/" + ack.organizationId())
                    && rows.containsKey(ack.communityId()) && rows.get(ack.communityId()).version() >= ack.version()) {
                lost++;
                note(findings, "acknowledged member " + ack.organizationId() + " is not listed in " + ack.communityId());
            }
        }
        return new Tally(acks.size(), stored.size(), projected, lost, twice, repeats, findings);
    }

    /** The views of these communities equal those a rebuild from the start of the topic makes. */
    List<String> equalsRebuild(Collection<String> communities, RebuildApi admin) throws Exception {
        List<String> before = views.snapshot(communities);
        Rebuild.runToEnd(admin);
        List<String> after = views.snapshot(communities);
        if (before.equals(after)) {
            return List.of();
        }
        Set<String> onlyBefore = new HashSet<>(before);
        after.forEach(onlyBefore::remove);
        Set<String> onlyAfter = new HashSet<>(after);
        before.forEach(onlyAfter::remove);
        return List.of("views differ from a fresh rebuild: " + onlyBefore.size() + " rows only before, e.g. "
                + Text.clip(onlyBefore.stream().findFirst().orElse("")) + "; " + onlyAfter.size()
                + " only after, e.g. " + Text.clip(onlyAfter.stream().findFirst().orElse("")));
    }

    private static void note(List<String> findings, String finding) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(finding);
        }
    }

    /**
     * One community's records on the topic, in offset order. A crashed publisher sends again from its last token,
     * so versions may repeat; what must hold is that every stored version (1 to n) is there, none first appears
     * after a higher one, and none is beyond the store. Counting distinct versions is not enough: a stray version
     * would make up for a missing one.
     *
     * @param versions the versions as the topic holds them, repeats included
     */
    record TopicOrder(List<Long> versions) {

        static TopicOrder of(List<Long> versions) {
            return new TopicOrder(List.copyOf(versions));
        }

        /** Versions seen before, at a lower offset: the publisher sent them again. */
        long repeats() {
            return versions.size() - new HashSet<>(versions).size();
        }

        /** Versions whose first record comes after a record of a higher version. */
        long outOfOrder() {
            Set<Long> seen = new HashSet<>();
            long highest = Long.MIN_VALUE;
            long outOfOrder = 0;
            for (long version : versions) {
                if (seen.add(version) && version < highest) {
                    outOfOrder++;
                }
                highest = Math.max(highest, version);
            }
            return outOfOrder;
        }

        /** Which of the versions 1 to {@code stored} the topic lacks. */
        List<Long> missingOf(long stored) {
            Set<Long> present = new HashSet<>(versions);
            return LongStream.rangeClosed(1, stored).filter(version -> !present.contains(version)).boxed().toList();
        }

        /** Versions on the topic outside 1 to {@code stored} (a record without a version header counts as -1). */
        List<Long> beyond(long stored) {
            return versions.stream().filter(version -> version < 1 || version > stored).distinct().sorted().toList();
        }
    }
}
