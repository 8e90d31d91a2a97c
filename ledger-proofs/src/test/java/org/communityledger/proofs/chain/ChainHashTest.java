package org.communityledger.proofs.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    static final String COMMUNITY = "3f2a1c9e-4b5d-4e6f-8a7b-9c0d1e2f3a4b";
    static final byte[] PAYLOAD_1 = ("{\"communityId\":\"" + COMMUNITY + "\",\"name\":\"无锡产教融合共同体\"}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] PAYLOAD_2 = "{\"memberId\":\"m-1\",\"role\":\"SECRETARY\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * v1 hashes of the two events below, computed by membership-command's own
     * {@code org.communityledger.command.ledger.HashChain.hash} (its source compiled alone, run from a throwaway
     * main while this module was written) and again by a separate Python hashlib script; both gave
     * these values.
     */
    static final String V1_HASH_1 = "1b583e10520aae0ce699ccb1ab269cc9a3e2bf015cf67a5bd82ca188115904df";
    static final String V1_HASH_2 = "7ede0337032cfebec8a6dcecd682ac90669ba87232590a8d15acb19cfc0c8d38";

    /**
     * v2 hashes of the same events, computed independently of this module by a Python hashlib script from the
     * field list in {@link ChainHash}'s Javadoc (struct.pack('>I', len) before each UTF-8 field, b'\xff\xff\xff\xff'
     * for the absent idempotency key; the second event's stored "…:00.000Z" hashed as "…:00Z").
     */
    static final String V2_HASH_1 = "c4badb05c02598944bee957dd5f7333dd164476e17faa5ac6dcf3b252851de2a";
    static final String V2_HASH_2 = "b90953bf1d0480df0a872fa0a57bfb2aa0f6d4d4a145bcb4d04b10f29be2f6a9";

    static ChainedEvent first(HashVersion version) {
        return new ChainedEvent(version, "0b6c5a4e-1f2d-4c3b-8a79-6e5d4c3b2a10", COMMUNITY, 1, 41,
                "CommunityEstablished", "1", "2025-10-19T02:30:00.123Z", "admin", "corr-1", null, ChainHash.GENESIS,
                PAYLOAD_1);
    }

    static ChainedEvent second(HashVersion version, String prevHash) {
        return new ChainedEvent(version, "7d9c7a5e-2a3b-4c1d-9e8f-0a1b2c3d4e5f", COMMUNITY, 2, 57, "MemberJoined",
                "2", "2025-10-19T02:31:00.000Z", "jwt:李雷", "corr-2", "idem-42", prevHash, PAYLOAD_2);
    }

    @Test
    void v1IsWhatMembershipCommandStores() {
        assertThat(ChainHash.v1(first(HashVersion.V1))).isEqualTo(V1_HASH_1);
        assertThat(ChainHash.of(first(HashVersion.V1))).isEqualTo(V1_HASH_1);
        assertThat(ChainHash.of(second(HashVersion.V1, V1_HASH_1))).isEqualTo(V1_HASH_2);
        assertThat(ChainHash.v1(COMMUNITY, 2, "MemberJoined", "2", "2025-10-19T02:31:00.000Z", V1_HASH_1, PAYLOAD_2))
                .isEqualTo(V1_HASH_2);
    }

    @Test
    void v2MatchesThePinnedVectorAndASeparateEncoder() {
        assertThat(ChainHash.of(first(HashVersion.V2))).isEqualTo(V2_HASH_1);
        assertThat(ChainHash.of(second(HashVersion.V2, V2_HASH_1))).isEqualTo(V2_HASH_2);
        assertThat(tinyV2(first(HashVersion.V2), "2025-10-19T02:30:00.123Z")).isEqualTo(V2_HASH_1);
        assertThat(tinyV2(second(HashVersion.V2, V2_HASH_1), "2025-10-19T02:31:00Z")).isEqualTo(V2_HASH_2);
        assertThat(ChainHash.v2(first(HashVersion.V1))).as("v2 of an event whatever it names").isEqualTo(V2_HASH_1);
    }

    @Test
    void hashesAreLowercaseHexOfSha256() {
        for (String hash : List.of(ChainHash.of(first(HashVersion.V1)), ChainHash.of(first(HashVersion.V2)))) {
            assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        }
        assertThat(ChainHash.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void v2ChangesWithEverySingleField() {
        ChainedEvent base = second(HashVersion.V2, V2_HASH_1);
        List<UnaryOperator<ChainedEvent>> changes = List.of(
                e -> with(e, 1, "7d9c7a5e-2a3b-4c1d-9e8f-0a1b2c3d4e5e"),
                e -> with(e, 2, COMMUNITY.replace('3', '4')),
                e -> with(e, 3, 3L),
                e -> with(e, 4, 58L),
                e -> with(e, 5, "MemberLeft"),
                e -> with(e, 6, "3"),
                e -> with(e, 7, "2025-10-19T02:31:00.001Z"),
                e -> with(e, 8, "jwt:韩梅梅"),
                e -> with(e, 9, "corr-3"),
                e -> with(e, 10, "idem-43"),
                e -> with(e, 10, null),
                e -> with(e, 10, ""),
                e -> with(e, 11, ChainHash.GENESIS),
                e -> with(e, 12, "{\"memberId\":\"m-2\",\"role\":\"SECRETARY\"}".getBytes(StandardCharsets.UTF_8)),
                e -> with(e, 12, new byte[0]));
        Set<String> hashes = new HashSet<>();
        hashes.add(ChainHash.v2(base));
        for (UnaryOperator<ChainedEvent> change : changes) {
            ChainedEvent changed = change.apply(base);
            assertThat(hashes.add(ChainHash.v2(changed))).as("%s", changed).isTrue();
            assertThat(ChainHash.v2(changed)).isEqualTo(tinyV2(changed, ChainHash.canonicalTimestamp(changed.timestamp())));
        }
        // v1 ignores the event id, the position, the principal, the correlation id and the idempotency key
        assertThat(ChainHash.v1(with(base, 8, "someone else"))).isEqualTo(ChainHash.v1(base));
    }

    @Test
    void v2IsUnambiguousWhereV1IsNot() {
        ChainedEvent base = second(HashVersion.V2, V2_HASH_1);
        // a byte moved between adjacent fields: principal|correlation id, correlation id|idempotency key
        ChainedEvent a = with(with(base, 8, "ab"), 9, "c");
        ChainedEvent b = with(with(base, 8, "a"), 9, "bc");
        assertThat(ChainHash.v2(a)).isNotEqualTo(ChainHash.v2(b));
        ChainedEvent c = with(with(base, 9, "x"), 10, "yz");
        ChainedEvent d = with(with(base, 9, "xy"), 10, "z");
        assertThat(ChainHash.v2(c)).isNotEqualTo(ChainHash.v2(d));
        // an absent key is not an empty one
        assertThat(ChainHash.v2(with(base, 10, null))).isNotEqualTo(ChainHash.v2(with(base, 10, "")));
        // prevHash|payload: v1 cannot tell these apart, v2 can
        ChainedEvent e = with(with(base, 11, V2_HASH_1 + "{"), 12, PAYLOAD_2);
        ChainedEvent f = with(with(base, 11, V2_HASH_1), 12, ("{" + new String(PAYLOAD_2, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertThat(ChainHash.v2(e)).isNotEqualTo(ChainHash.v2(f));
        // a newline in a field fakes v1's separators; v2 is not fooled
        ChainedEvent g = with(with(base, 5, "MemberJoined\n2"), 6, "2025-10-19T02:31:00.000Z");
        ChainedEvent h = with(with(base, 5, "MemberJoined"), 6, "2\n2025-10-19T02:31:00.000Z");
        assertThat(ChainHash.v1(with(g, 7, "x"))).isEqualTo(ChainHash.v1(with(h, 7, "x")));
        assertThat(ChainHash.v2(with(g, 6, "2"))).isNotEqualTo(ChainHash.v2(with(h, 6, "2\n2")));
    }

    @Test
    void theTimestampCountsAsAnInstant() {
        ChainedEvent stored = second(HashVersion.V2, V2_HASH_1);
        assertThat(ChainHash.v2(with(stored, 7, "2025-10-19T02:31:00Z"))).isEqualTo(ChainHash.v2(stored));
        assertThat(ChainHash.canonicalTimestamp("2025-10-19T02:30:00.120Z")).isEqualTo("2025-10-19T02:30:00.120Z");
        assertThatThrownBy(() -> ChainHash.v2(with(stored, 7, "19.10.2025"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoresTimestampsAreCanonicalisedExactlyAsTheInstantParserDoes() {
        Random random = new Random(20261201);
        List<String> stored = new ArrayList<>(List.of("2024-02-29T23:59:59.999Z", "2025-10-19T02:31:00.000Z",
                "0000-01-01T00:00:00.001Z", "9999-12-31T23:59:59.000Z", "2025-10-19T02:31:00.100Z"));
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_167_219_200_000L, 253_402_300_799_999L));
            stored.add(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(instant));
        }
        for (String timestamp : stored) {
            assertThat(ChainHash.canonicalTimestamp(timestamp)).as(timestamp).isEqualTo(Instant.parse(timestamp).toString());
        }
    }

    @Test
    void timestampsInTheStoresFormButNotValidAreRefusedAsTheParserRefusesThem() {
        for (String invalid : List.of("2025-02-29T10:00:00.000Z", "2025-13-01T10:00:00.000Z", "2025-10-19T10:60:00.000Z", "2025-10-19T10:00:61.000Z", "2025-1a-19T10:00:00.000Z")) {
            assertThatThrownBy(() -> ChainHash.canonicalTimestamp(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // A leap second and the end of a day are the parser's to read, in the store's form as in any other.
        assertThat(ChainHash.canonicalTimestamp("2016-12-31T23:59:60.500Z"))
                .isEqualTo(Instant.parse("2016-12-31T23:59:60.500Z").toString());
        assertThat(ChainHash.canonicalTimestamp("2025-10-19T24:00:00.000Z")).isEqualTo("2025-10-20T00:00:00Z");
    }

    @Test
    void v2NeedsItsRequiredFields() {
        ChainedEvent base = second(HashVersion.V2, V2_HASH_1);
        for (int field : new int[] {1, 2, 5, 6, 7, 8, 9, 11}) {
            assertThatThrownBy(() -> ChainHash.v2(with(base, field, null))).as("field %d", field)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void hashVersionsByTag() {
        assertThat(HashVersion.ofTag(null)).isEqualTo(HashVersion.V1);
        assertThat(HashVersion.ofTag("community-ledger/v1")).isEqualTo(HashVersion.V1);
        assertThat(HashVersion.ofTag("ledger-chain-v2")).isEqualTo(HashVersion.V2);
        assertThatThrownBy(() -> HashVersion.ofTag("v3")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A second v2 encoder, written here from the field list alone. */
    static String tinyV2(ChainedEvent e, String timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object[] fields = {"ledger-chain-v2", e.eventId(), e.communityId(), String.valueOf(e.version()),
                String.valueOf(e.position()), e.name(), e.revision(), timestamp, e.principal(), e.correlationId(),
                e.idempotencyKey(), e.prevHash(), e.payload()};
        for (Object field : fields) {
            byte[] bytes = field instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) field;
            out.writeBytes(bytes == null ? new byte[] {-1, -1, -1, -1} : ByteBuffer.allocate(4).putInt(bytes.length).array());
            if (bytes != null) {
                out.writeBytes(bytes);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The event with one field (numbered as in the record, hashVersion being 0) replaced. */
    static ChainedEvent with(ChainedEvent e, int field, Object value) {
        Object[] v = {e.hashVersion(), e.eventId(), e.communityId(), e.version(), e.position(), e.name(), e.revision(),
                e.timestamp(), e.principal(), e.correlationId(), e.idempotencyKey(), e.prevHash(), e.payload()};
        v[field] = value;
        return new ChainedEvent((HashVersion) v[0], (String) v[1], (String) v[2], (Long) v[3], (Long) v[4],
                (String) v[5], (String) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10],
                (String) v[11], (byte[]) v[12]);
    }
}
