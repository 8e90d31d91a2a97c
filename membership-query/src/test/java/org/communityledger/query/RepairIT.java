package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.communityledger.query.TopicWriter.envelope;
import static org.communityledger.query.TopicWriter.established;
import static org.communityledger.query.TopicWriter.joined;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.deadletter.DeadLetter;
import org.communityledger.client.deadletter.Discard;
import org.communityledger.client.deadletter.ReplayOutcome;
import org.communityledger.client.deadletter.ReplaySelection;
import org.communityledger.client.deadletter.Replayed;
import org.communityledger.client.health.Health;
import org.communityledger.client.quarantine.QuarantinedCommunity;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Failures of the views told apart and repaired without a rebuild: a short database failure is waited out and
 * parks nothing; a community whose event cannot be applied is quarantined while the others go on, shows as
 * stale and in health, and heals when its dead letter is replayed; a dead letter is discarded only with a
 * reason.
 */
@QueryServiceTest
class RepairIT {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private QueryServiceClient viewer;
    private QueryServiceClient admin;
    private TopicWriter topic;

    @BeforeEach
    void connect() {
        viewer = Accounts.query(port, "viewer");
        admin = Accounts.query(port, "admin");
        topic = new TopicWriter(broker);
    }

    @AfterEach
    void disconnect() {
        topic.close();
        jdbc.sql("drop trigger if exists refuse_members on projection.member").update();
    }

    @Test
    void a_view_table_gone_for_four_seconds_is_waited_out_and_parks_nothing() throws Exception {
        CommunityId community = CommunityId.newId();
        topic.send(envelope(community, 1, established(community)));
        await().atMost(Duration.ofSeconds(30)).until(() -> version(community) == 1);
        double retriesBefore = transientRetries();

        jdbc.sql("alter table projection.member rename to member_away").update();
        long back = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        try {
            for (int member = 1; member <= 6; member++) {
                topic.send(envelope(community, member + 1, joined(community, "member-" + member, "成员" + member)));
            }
            await().atMost(Duration.ofSeconds(4)).until(() -> projectionLag() > 0);
            Thread.sleep(Math.max(0, (back - System.nanoTime()) / 1_000_000));
        } finally {
            jdbc.sql("alter table projection.member_away rename to member").update();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> version(community) == 7);
        assertThat(memberCount(community)).isEqualTo(6);
        assertThat(transientRetries()).as("the failure was retried as transient").isGreaterThan(retriesBefore);
        assertThat(deadLetterIds(community)).as("nothing parked").isEmpty();
        assertThat(TopicReader.readToEnd(broker.getBrokersAsString(), WireFormat.DEAD_LETTER_TOPIC, community.value()))
                .isEmpty();
        assertThat(quarantined(community)).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> projectionLag() == 0);
    }

    @Test
    void an_inapplicable_event_quarantines_its_community_only_and_a_replay_heals_it_without_a_rebuild()
            throws Exception {
        CommunityId stuck = CommunityId.newId();
        CommunityId other = CommunityId.newId();
        refuseMembersOf(stuck);
        topic.send(envelope(stuck, 1, established(stuck)));
        topic.send(envelope(stuck, 2, joined(stuck, "refused-member", "被拒成员")));
        topic.send(envelope(stuck, 3, joined(stuck, "held-member-1", "等待成员一")));
        topic.send(envelope(stuck, 4, joined(stuck, "held-member-2", "等待成员二")));
        topic.send(envelope(other, 1, established(other)));
        topic.send(envelope(other, 2, joined(other, "southern-film-group", "南方影视集团")));

        await().atMost(Duration.ofSeconds(30)).until(() -> version(other) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> heldEvents(stuck) == 2);
        assertThat(version(stuck)).isEqualTo(1);

        QuarantinedCommunity entry = entryOf(admin.quarantine().quarantined().items(), stuck);
        assertThat(entry.missingVersion()).isEqualTo(2);
        assertThat(entry.heldEvents()).isEqualTo(2);
        assertThat(viewer.communities().community(stuck.value()).stale().missingVersion()).isEqualTo(2);
        assertThat(viewer.communities().community(other.value()).stale()).isNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Health health = viewer.health().health();
            Health quarantine = health.component("quarantine").orElseThrow();
            assertThat(quarantine.status()).isEqualTo("DEGRADED");
            assertThat(communitiesIn(quarantine)).contains(stuck.value());
            assertThat(health.status()).isNotEqualTo(Health.UP);
        });
        assertThat(deadLetterIds(stuck)).hasSize(1);
        long id = deadLetterIds(stuck).get(0);
        DeadLetter deadLetter = admin.deadLetters().deadLetter(id);
        assertThat(deadLetter.status()).isEqualTo(DeadLetter.PARKED);
        assertThat(deadLetter.version()).isEqualTo(2);
        assertThat(deadLetter.reason()).contains("simulated projector defect");

        assertThatThrownBy(() -> admin.deadLetters().replay(id))
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).as(refused.problem().describe()).isEqualTo(409);
                    assertThat(refused.problem().detail()).contains("still cannot be applied");
                });
        assertThat(version(stuck)).isEqualTo(1);

        assertThatThrownBy(() -> admin.deadLetters().discard(id, new Discard("not worth it")))
                .as("the version its community waits for is never given up")
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.problem().detail()).contains("waits for");
                });

        jdbc.sql("drop trigger refuse_members on projection.member").update();
        List<Replayed> replayed = admin.deadLetters().replay(ReplaySelection.community(stuck.value())).replayed();
        assertThat(replayed).isNotEmpty();
        assertThat(replayed.get(0).outcome()).isEqualTo(ReplayOutcome.APPLIED);
        assertThat(replayed.get(0).releasedEvents()).isEqualTo(2);

        assertThat(version(stuck)).isEqualTo(4);
        assertThat(memberCount(stuck)).isEqualTo(3);
        assertThat(quarantined(stuck)).isFalse();
        assertThat(viewer.communities().community(stuck.value()).stale()).isNull();
        DeadLetter resolved = admin.deadLetters().deadLetter(id);
        assertThat(resolved.status()).isEqualTo(DeadLetter.REPLAYED);
        assertThat(resolved.resolvedBy()).isEqualTo("admin");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !communitiesIn(viewer.health().health().component("quarantine").orElseThrow())
                        .contains(stuck.value()));
    }

    @Test
    void an_inapplicable_event_is_parked_while_other_partitions_keep_flowing() throws Exception {
        CommunityId stuck = CommunityId.newId();
        refuseMembersOf(stuck);
        topic.send(envelope(stuck, 1, established(stuck)));
        topic.send(envelope(stuck, 2, joined(stuck, "refused-member", "被拒成员")));
        List<CommunityId> others = java.util.stream.Stream.generate(CommunityId::newId).limit(6).toList();
        others.forEach(other -> topic.send(envelope(other, 1, established(other))));

        // Steady traffic on the other partitions while the refused event is retried: each of their batches
        // succeeds in between its attempts.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int version = 1;
        while (deadLetterIds(stuck).isEmpty() && System.nanoTime() < deadline) {
            version++;
            for (CommunityId other : others) {
                topic.send(envelope(other, version, joined(other, "member-" + version, "成员" + version)));
            }
            await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> true);
        }

        assertThat(deadLetterIds(stuck)).as("parked within 15 s under traffic").hasSize(1);
        assertThat(quarantined(stuck)).isTrue();
        int lastVersion = version;
        await().atMost(Duration.ofSeconds(30)).until(() -> others.stream().allMatch(other -> version(other) == lastVersion));
        jdbc.sql("drop trigger refuse_members on projection.member").update();
        assertThat(admin.deadLetters().replay(ReplaySelection.community(stuck.value())).failed()).isEmpty();
        assertThat(version(stuck)).isEqualTo(2);
    }

    @Test
    void an_event_that_comes_late_heals_its_community_by_itself() {
        CommunityId community = CommunityId.newId();
        topic.send(envelope(community, 1, established(community)));
        var late = envelope(community, 2, joined(community, "late-member", "迟到成员"));
        topic.send(envelope(community, 3, joined(community, "early-member", "早到成员")));
        await().atMost(Duration.ofSeconds(30)).until(() -> heldEvents(community) == 1);

        topic.send(late);

        await().atMost(Duration.ofSeconds(30)).until(() -> version(community) == 3);
        assertThat(memberCount(community)).isEqualTo(2);
        assertThat(quarantined(community)).isFalse();
        assertThat(deadLetterIds(community)).isEmpty();
    }

    @Test
    void a_dead_letter_is_discarded_only_with_a_reason_and_a_replay_of_an_unreadable_one_changes_nothing()
            throws Exception {
        CommunityId community = CommunityId.newId();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(EventHeaders.EVENT_NAME, "MemberJoined".getBytes(StandardCharsets.UTF_8));
            headers.add(EventHeaders.EVENT_REVISION, "1".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(WireFormat.TOPIC, null, community.value(),
                    "{not json".getBytes(StandardCharsets.UTF_8), headers)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterIds(community).size() == 1);
        long id = deadLetterIds(community).get(0);

        assertThatThrownBy(() -> admin.deadLetters().replay(id))
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).as(refused.problem().describe()).isEqualTo(409);
                    assertThat(refused.problem().detail()).contains("still cannot be read");
                });
        assertThatThrownBy(() -> admin.deadLetters().discard(id, new Discard(null)))
                .isInstanceOfSatisfying(LedgerProblemException.class, refused -> {
                    assertThat(refused.status()).as(refused.problem().describe()).isEqualTo(400);
                    assertThat(refused.problem().errors()).extracting(error -> error.field()).contains("reason");
                });
        assertThatThrownBy(() -> viewer.deadLetters().discard(id, new Discard("x")))
                .isInstanceOfSatisfying(LedgerProblemException.class, withStatus(403));
        assertThat(admin.deadLetters().deadLetter(id).status()).isEqualTo(DeadLetter.PARKED);

        admin.deadLetters().discard(id, new Discard("garbage written to the topic by a test tool"));
        DeadLetter after = admin.deadLetters().deadLetter(id);
        assertThat(after.status()).isEqualTo(DeadLetter.DISCARDED);
        assertThat(after.resolution()).isEqualTo("garbage written to the topic by a test tool");
        assertThat(after.resolvedBy()).isEqualTo("admin");
        assertThatThrownBy(() -> admin.deadLetters().discard(id, new Discard("again")))
                .isInstanceOfSatisfying(LedgerProblemException.class, withStatus(409));
        assertThatThrownBy(() -> admin.deadLetters().replay(id))
                .isInstanceOfSatisfying(LedgerProblemException.class, withStatus(409));
        QueryServiceClient anonymous = LedgerClients.query("http://127.0.0.1:" + port, Credentials.none());
        assertThatThrownBy(() -> anonymous.deadLetters().replay(ReplaySelection.all()))
                .isInstanceOfSatisfying(LedgerProblemException.class, withStatus(401));
        assertThatThrownBy(() -> viewer.deadLetters().replay(ReplaySelection.all()))
                .isInstanceOfSatisfying(LedgerProblemException.class, withStatus(403));
        assertThatThrownBy(() -> admin.deadLetters().deadLetter(999_999_999))
                .isInstanceOfSatisfying(LedgerProblemException.class, withStatus(404));
    }

    /** A projector defect for one community, as a trigger that refuses its members (dropped after each test). */
    private void refuseMembersOf(CommunityId community) {
        jdbc.sql("""
                create or replace function projection.refuse_members() returns trigger language plpgsql as $$
                begin
                    if new.community_id = '%s' then
                        raise exception 'simulated projector defect for %s';
                    end if;
                    return new;
                end $$""".formatted(community.value(), community.value())).update();
        jdbc.sql("""
                create trigger refuse_members before insert on projection.member
                for each row execute function projection.refuse_members()""").update();
    }

    /** The records not yet applied over all partitions, as the lag gauges report them. */
    private double projectionLag() {
        return meters.find("ledger.projection.lag.records").gauges().stream().mapToDouble(gauge -> gauge.value())
                .sum();
    }

    @Test
    void a_record_whose_key_and_headers_the_tables_cannot_hold_is_still_parked_and_the_partition_goes_on()
            throws Exception {
        CommunityId community = CommunityId.newId();
        String strangeKey = "k".repeat(100) + "\u0000";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(EventHeaders.EVENT_NAME, "MemberJoined".getBytes(StandardCharsets.UTF_8));
            headers.add("binary", new byte[] {0, 1, 2});
            for (int partition = 0; partition < 3; partition++) {
                producer.send(new ProducerRecord<>(WireFormat.TOPIC, partition, strangeKey,
                        "{not json".getBytes(StandardCharsets.UTF_8), headers)).get();
            }
        }
        topic.send(envelope(community, 1, established(community)));

        await().atMost(Duration.ofSeconds(30)).until(() -> version(community) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from projection_control.dead_letter
                        where community_id is null and record_key like 'kkk%'""")
                .query(Long.class).single() >= 3);
    }

    private double transientRetries() {
        return meters.counter("ledger.projection.retries.transient").count();
    }

    private long version(CommunityId community) {
        return jdbc.sql("select version from projection.community where community_id = :id")
                .param("id", community.value()).query(Long.class).optional().orElse(0L);
    }

    private int memberCount(CommunityId community) {
        return jdbc.sql("select member_count from projection.community where community_id = :id")
                .param("id", community.value()).query(Integer.class).single();
    }

    private long heldEvents(CommunityId community) {
        return jdbc.sql("select count(*) from projection.held_event where community_id = :id")
                .param("id", community.value()).query(Long.class).single();
    }

    private boolean quarantined(CommunityId community) {
        return jdbc.sql("select count(*) from projection.quarantine where community_id = :id")
                .param("id", community.value()).query(Long.class).single() > 0;
    }

    private List<Long> deadLetterIds(CommunityId community) {
        return jdbc.sql("select id from projection_control.dead_letter where community_id = :id order by id")
                .param("id", community.value()).query(Long.class).list();
    }

    private static QuarantinedCommunity entryOf(List<QuarantinedCommunity> items, CommunityId community) {
        return items.stream().filter(item -> item.communityId().equals(community.value())).findFirst()
                .orElseThrow(() -> new AssertionError("community " + community + " is not in " + items));
    }

    /** The ids of the communities the quarantine component of health lists; none while it is UP. */
    private static List<Object> communitiesIn(Health quarantine) {
        List<?> communities = (List<?>) quarantine.details().getOrDefault("communities", List.of());
        return communities.stream().<Object>map(entry -> ((Map<?, ?>) entry).get("communityId")).toList();
    }

    private static Consumer<LedgerProblemException> withStatus(int status) {
        return refused -> assertThat(refused.status()).as(refused.problem().describe()).isEqualTo(status);
    }
}
