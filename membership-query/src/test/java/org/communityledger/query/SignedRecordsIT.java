package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.proofs.note.NoteSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * With the ledger's verifier key configured, the query side applies only what the command side published:
 * records that are unsigned, signed by another key or altered after signing are parked as {@code forged} and the
 * genuine event is still applied; a second event for an applied version, or one that does not link to the
 * applied one, is a fork that quarantines its community.
 */
@QueryServiceTest
@TestPropertySource(properties = "ledger.events.verifier-key=" + SignedRecordsIT.VERIFIER_KEY)
class SignedRecordsIT {

    /** A test fixture: the key pair the command service's tests sign with. */
    static final String SIGNING_KEY =
            "PRIVATE+KEY+test.community-ledger.local/log+c5e77243+ARsG4OlkM/j3tnFtPzMO1O37wqFM6Me1eHis0iWOy7UK";
    static final String VERIFIER_KEY = "test.community-ledger.local/log+c5e77243+Ab79AFsiSTggkiY7l7sgjpwRikK4hB0DqFV18DmOzfPy";
    private static final NoteSigner LEDGER = NoteSigner.parse(SIGNING_KEY);
    private static final String GENESIS = "0".repeat(64);
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    private TopicWriter topic;

    @BeforeEach
    void connect() {
        topic = new TopicWriter(broker);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void records_the_ledger_did_not_sign_never_reach_the_views_and_the_genuine_event_is_still_applied() {
        CommunityId community = CommunityId.of(UUID.randomUUID().toString());
        String established = hash("established");
        topic.sendSigned(TopicWriter.envelope(community, 1, TopicWriter.established(community), established, GENESIS),
                LEDGER, UnaryOperator.identity());
        await().atMost(WITHIN).until(() -> version(community) == 1);

        String joined = hash("joined");
        topic.send(TopicWriter.envelope(community, 2, TopicWriter.joined(community, "unsigned-forger", "伪造者"),
                joined, established));
        topic.sendSigned(TopicWriter.envelope(community, 2, TopicWriter.joined(community, "other-key-forger", "伪造者"),
                joined, established), NoteSigner.generate("forger.example/log"), UnaryOperator.identity());
        topic.sendSigned(TopicWriter.envelope(community, 2, TopicWriter.joined(community, "altered-member", "原名"),
                joined, established), LEDGER, value -> new String(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("原名", "改名").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        await().atMost(WITHIN).until(() -> deadLetterKinds(community).size() == 3);
        assertThat(deadLetterKinds(community)).containsOnly("forged");
        assertThat(version(community)).as("nothing forged was applied").isEqualTo(1);
        assertThat(members(community)).isEmpty();

        topic.sendSigned(TopicWriter.envelope(community, 2, TopicWriter.joined(community, "genuine-member", "真成员"),
                joined, established), LEDGER, UnaryOperator.identity());
        await().atMost(WITHIN).until(() -> version(community) == 2);
        assertThat(members(community)).containsExactly("genuine-member");
        assertThat(quarantined(community)).isFalse();
    }

    @Test
    void records_signed_as_one_batch_are_applied_and_one_altered_after_signing_is_parked_as_forged() {
        List<CommunityId> communities = List.of(CommunityId.of(UUID.randomUUID().toString()),
                CommunityId.of(UUID.randomUUID().toString()), CommunityId.of(UUID.randomUUID().toString()));
        List<EventEnvelope> batch = communities.stream()
                .map(community -> TopicWriter.envelope(community, 1, TopicWriter.established(community),
                        hash(community.value()), GENESIS))
                .toList();
        topic.sendBatchSigned(batch, LEDGER, 1, value -> new String(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"name\":\"", "\"name\":\"Altered ").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        await().atMost(WITHIN).until(() -> version(communities.get(0)) == 1 && version(communities.get(2)) == 1
                && deadLetterKinds(communities.get(1)).size() == 1);
        assertThat(deadLetterKinds(communities.get(1))).containsExactly("forged");
        assertThat(version(communities.get(1))).as("the altered record was not applied").isZero();
    }

    @Test
    void a_second_event_for_an_applied_version_is_a_fork_and_quarantines_its_community() {
        CommunityId community = CommunityId.of(UUID.randomUUID().toString());
        String established = hash("established");
        String joined = hash("joined");
        topic.sendSigned(TopicWriter.envelope(community, 1, TopicWriter.established(community), established, GENESIS),
                LEDGER, UnaryOperator.identity());
        topic.sendSigned(TopicWriter.envelope(community, 2, TopicWriter.joined(community, "first-member", "成员"),
                joined, established), LEDGER, UnaryOperator.identity());
        await().atMost(WITHIN).until(() -> version(community) == 2);

        topic.sendSigned(TopicWriter.envelope(community, 2, TopicWriter.joined(community, "rewritten-member", "改写"),
                hash("rewritten"), established), LEDGER, UnaryOperator.identity());
        await().atMost(WITHIN).until(() -> quarantined(community));
        assertThat(deadLetterKinds(community)).containsExactly("fork");
        assertThat(members(community)).containsExactly("first-member");
    }

    @Test
    void an_event_that_does_not_link_to_the_applied_one_is_a_fork_and_is_not_applied() {
        CommunityId community = CommunityId.of(UUID.randomUUID().toString());
        String established = hash("established");
        topic.sendSigned(TopicWriter.envelope(community, 1, TopicWriter.established(community), established, GENESIS),
                LEDGER, UnaryOperator.identity());
        await().atMost(WITHIN).until(() -> version(community) == 1);

        topic.sendSigned(TopicWriter.envelope(community, 2, TopicWriter.joined(community, "unlinked-member", "成员"),
                hash("joined"), hash("another history")), LEDGER, UnaryOperator.identity());
        await().atMost(WITHIN).until(() -> quarantined(community));
        assertThat(deadLetterKinds(community)).containsExactly("fork");
        assertThat(version(community)).isEqualTo(1);
        assertThat(members(community)).isEmpty();
    }

    private static String hash(String seed) {
        return org.communityledger.proofs.chain.ChainHash.v1(seed, 1, "x", "1", "t", GENESIS, new byte[0]);
    }

    private long version(CommunityId community) {
        return jdbc.sql("select version from projection.community where community_id = :id")
                .param("id", community.value()).query(Long.class).optional().orElse(0L);
    }

    private List<String> members(CommunityId community) {
        return jdbc.sql("select organization_id from projection.member where community_id = :id")
                .param("id", community.value()).query(String.class).list();
    }

    private boolean quarantined(CommunityId community) {
        return jdbc.sql("select count(*) from projection.quarantine where community_id = :id")
                .param("id", community.value()).query(Long.class).single() > 0;
    }

    private List<String> deadLetterKinds(CommunityId community) {
        return jdbc.sql("select reason_kind from projection_control.dead_letter where community_id = :id order by id")
                .param("id", community.value()).query(String.class).list();
    }
}
