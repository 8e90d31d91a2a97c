package org.communityledger.verifier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteSigner;

/**
 * A ledger written out as the command service exports it, each event sealed here, from docs/audit.md's
 * description, with {@link MessageDigest} alone: a bug in {@code ChainHash} or in the verifier's tree would
 * make a valid export fail. Events stay editable, so a test can rewrite history and seal it again the way an
 * insider with the database would.
 */
final class TestLedger {

    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter AXON_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2025-10-19T02:30:00Z");

    enum Seal { V1, V2 }

    /** One stored event; fields are public to the tests so that they can rewrite it. */
    static final class Event {
        Seal seal;
        String eventId;
        String communityId;
        long version;
        long position;
        String name;
        String revision = "1";
        String timestamp;
        String principal = "alice";
        String correlationId;
        String idempotencyKey;
        /** The stored payload's text: JSON as the service stores it, or anything an edit left. */
        String payload;
        /** Whether the export writes the payload as it is (stored JSON) or as a JSON string (anything else). */
        boolean payloadIsJson = true;
    }

    private final List<Event> events = new ArrayList<>();
    private final Map<String, Long> versions = new HashMap<>();
    private long lastPosition;

    /**
     * Appends an event at the next position; every fourth leaves a hole before it, as a rolled-back command does.
     * Timestamps are 1.5 s apart, so every other one has a zero fraction that v2 hashes in its shortest form.
     */
    Event append(Seal seal, String communityId, String name, String payload) {
        lastPosition += events.size() % 4 == 3 ? 2 : 1;
        Event event = new Event();
        event.seal = seal;
        event.eventId = "event-" + lastPosition;
        event.communityId = communityId;
        event.version = versions.merge(communityId, 1L, Long::sum);
        event.position = lastPosition;
        event.name = name;
        event.timestamp = AXON_TIMESTAMP.format(START.plusMillis(1500 * lastPosition));
        event.correlationId = "correlation-" + lastPosition;
        event.payload = payload;
        events.add(event);
        return event;
    }

    /** A mixed ledger: three communities, v1 events first, then v2 ones, one with an idempotency key. */
    static TestLedger mixed() {
        TestLedger ledger = new TestLedger();
        for (String community : List.of("community-a", "community-b", "community-c")) {
            ledger.append(Seal.V1, community, "CommunityRegistered",
                    "{\"name\":\"" + community + "\",\"sector\":\"IT\"}");
        }
        ledger.append(Seal.V1, "community-a", "MemberJoined", "{\"memberId\":\"m-1\",\"role\":\"MEMBER\"}");
        ledger.append(Seal.V2, "community-b", "MemberJoined", "{\"memberId\":\"m-2\",\"role\":\"CHAIR\"}");
        ledger.append(Seal.V2, "community-a", "MemberJoined", "{\"memberId\":\"m-3\",\"note\":\"caf\u00e9\"}");
        Event keyed = ledger.append(Seal.V2, "community-c", "MemberJoined", "{\"memberId\":\"m-4\"}");
        keyed.idempotencyKey = "request-7f3a";
        ledger.append(Seal.V2, "community-a", "MemberLeft", "{\"memberId\":\"m-1\"}");
        ledger.append(Seal.V2, "community-b", "MemberJoined", "{\"memberId\":\"m-5\",\"role\":\"MEMBER\"}");
        ledger.append(Seal.V2, "community-c", "MemberLeft", "{\"memberId\":\"m-4\"}");
        return ledger;
    }

    List<Event> events() {
        return events;
    }

    /** The export's lines, every event sealed again in order from its fields as they are now. */
    List<String> lines() {
        return sealed().stream().map(SealedEvent::line).toList();
    }

    /** Each line's chain hash, hex. */
    List<String> hashes() {
        return sealed().stream().map(SealedEvent::hash).toList();
    }

    /** A checkpoint of the first {@code size} events, signed with this key and named as it. */
    String checkpoint(NoteSigner signer, int size) {
        List<byte[]> leaves = hashes().subList(0, size).stream().map(HexFormat.of()::parseHex).toList();
        return new Checkpoint(signer.name(), size, treeHash(leaves)).sign(signer).format();
    }

    /** MTH of RFC 9162 §2.1.1 by its recursive definition. */
    static byte[] treeHash(List<byte[]> leafInputs) {
        if (leafInputs.isEmpty()) {
            return sha256();
        }
        if (leafInputs.size() == 1) {
            return sha256(new byte[] {0}, leafInputs.get(0));
        }
        int k = Integer.highestOneBit(leafInputs.size() - 1);
        return sha256(new byte[] {1}, treeHash(leafInputs.subList(0, k)),
                treeHash(leafInputs.subList(k, leafInputs.size())));
    }

    static Path write(Path directory, List<String> lines) throws IOException {
        return write(directory, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
    }

    static Path write(Path directory, String content) throws IOException {
        Path file = Files.createTempFile(directory, "export-", ".ndjson");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** The lines with one occurrence of {@code from} in line {@code index} replaced. */
    static List<String> edited(List<String> lines, int index, String from, String to) {
        String line = lines.get(index);
        if (line.indexOf(from) < 0 || line.indexOf(from) != line.lastIndexOf(from)) {
            throw new IllegalArgumentException("'" + from + "' is not once in " + line);
        }
        List<String> edited = new ArrayList<>(lines);
        edited.set(index, line.replace(from, to));
        return edited;
    }

    private record SealedEvent(String line, String hash) {
    }

    private List<SealedEvent> sealed() {
        Map<String, String> heads = new HashMap<>();
        List<SealedEvent> sealed = new ArrayList<>();
        for (Event event : events) {
            String prevHash = heads.getOrDefault(event.communityId, GENESIS);
            String hash = event.seal == Seal.V1 ? v1(event, prevHash) : v2(event, prevHash);
            heads.put(event.communityId, hash);
            sealed.add(new SealedEvent(line(event, prevHash, hash), hash));
        }
        return sealed;
    }

    private static String v1(Event event, String prevHash) {
        String header = "community-ledger/v1\n" + event.communityId + "\n" + event.version + "\n" + event.name + "\n"
                + event.revision + "\n" + event.timestamp + "\n" + prevHash + "\n";
        return HexFormat.of().formatHex(sha256(utf8(header), utf8(event.payload)));
    }

    /** Length-prefixed fields, as the table in docs/audit.md lists them. */
    private static String v2(Event event, String prevHash) {
        List<byte[]> fields = new ArrayList<>();
        for (String text : new String[] {"ledger-chain-v2", event.eventId, event.communityId,
                Long.toString(event.version), Long.toString(event.position), event.name, event.revision,
                Instant.parse(event.timestamp).toString(), event.principal, event.correlationId}) {
            fields.add(lengthPrefixed(utf8(text)));
        }
        fields.add(event.idempotencyKey == null ? new byte[] {-1, -1, -1, -1}
                : lengthPrefixed(utf8(event.idempotencyKey)));
        fields.add(lengthPrefixed(utf8(prevHash)));
        fields.add(lengthPrefixed(utf8(event.payload)));
        return HexFormat.of().formatHex(sha256(fields.toArray(byte[][]::new)));
    }

    private static byte[] lengthPrefixed(byte[] bytes) {
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    private static String line(Event event, String prevHash, String hash) {
        StringBuilder metadata = new StringBuilder("{\"principal\":").append(quoted(event.principal))
                .append(",\"correlationId\":").append(quoted(event.correlationId));
        if (event.idempotencyKey != null) {
            metadata.append(",\"idempotencyKey\":").append(quoted(event.idempotencyKey));
        }
        metadata.append(",\"prevHash\":\"").append(prevHash).append("\",\"hash\":\"").append(hash).append('"');
        if (event.seal == Seal.V2) {
            metadata.append(",\"hashVersion\":\"ledger-chain-v2\"");
        }
        metadata.append('}');
        String revision = event.revision.chars().allMatch(Character::isDigit) ? event.revision : quoted(event.revision);
        return "{\"position\":" + event.position + ",\"communityId\":" + quoted(event.communityId)
                + ",\"version\":" + event.version + ",\"eventId\":" + quoted(event.eventId)
                + ",\"name\":" + quoted(event.name) + ",\"revision\":" + revision
                + ",\"timestamp\":" + quoted(event.timestamp) + ",\"metadata\":" + metadata
                + ",\"payload\":" + (event.payloadIsJson ? event.payload : quoted(event.payload)) + "}";
    }

    static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
