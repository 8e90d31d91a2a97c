package org.communityledger.proofs.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The chain hash of an event, in lowercase hex, by the version that sealed it.
 *
 * <p><b>v1</b> (membership-command's {@code HashChain} today, docs/audit.md "Verifying the ledger yourself"):
 * SHA-256 over the UTF-8 of
 * <pre>
 * community-ledger/v1\n communityId\n version\n name\n revision\n timestamp\n prevHash\n
 * </pre>
 * (each on its own line, the timestamp exactly as stored) followed by the payload bytes. A null field is
 * written as {@code null}, as Java's string concatenation in {@code HashChain} writes it.
 *
 * <p><b>v2</b>: SHA-256 over these fields in this order, each as a 4-byte big-endian length and then its bytes
 * (text in UTF-8); an absent optional field is the length {@code 0xFFFFFFFF} and no bytes:
 * <ol>
 *   <li>the tag {@code ledger-chain-v2}</li>
 *   <li>event id</li>
 *   <li>community id</li>
 *   <li>version, decimal</li>
 *   <li>global position, decimal</li>
 *   <li>event name</li>
 *   <li>revision, as stored (decimal)</li>
 *   <li>timestamp, as {@link Instant#toString()} writes the stored instant (so {@code …:00.000Z} as stored is
 *       hashed as {@code …:00Z}: the instant counts, not how the store spelled it)</li>
 *   <li>principal</li>
 *   <li>correlation id</li>
 *   <li>idempotency key, optional</li>
 *   <li>previous hash, lowercase hex, {@link #GENESIS} for a community's first event</li>
 *   <li>payload, the exact stored bytes</li>
 * </ol>
 * Every field but the idempotency key is required. Because each field carries its length, no two different
 * events encode to the same bytes: moving a byte from one field to the next changes the hash.
 *
 * <p>Producers note: the stored timestamp has millisecond precision (Axon writes three fraction digits), so a
 * producer hashing before the store writes must hash the instant truncated to milliseconds; v2 also covers the
 * global position, which the store assigns at insert.
 */
public final class ChainHash {

    /** The previous hash of a community's first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] ABSENT = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    private static final MessageDigest SHA_256 = newSha256();

    private ChainHash() {
    }

    /** The hash of this event by the version it names. */
    public static String of(ChainedEvent event) {
        return switch (event.hashVersion()) {
            case V1 -> v1(event);
            case V2 -> v2(event);
        };
    }

    /** The v1 hash of this event (its event id, position, principal, correlation id and key do not count). */
    public static String v1(ChainedEvent event) {
        return v1(event.communityId(), event.version(), event.name(), event.revision(), event.timestamp(),
                event.prevHash(), event.payloadBytes());
    }

    /** The v1 hash, with the parameters of membership-command's {@code HashChain.hash}. */
    public static String v1(String communityId, long version, String eventName, String revision, String timestamp,
                            String prevHash, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        MessageDigest sha256 = sha256();
        String header = HashVersion.V1.tag() + "\n" + communityId + "\n" + version + "\n" + eventName + "\n"
                + revision + "\n" + timestamp + "\n" + prevHash + "\n";
        sha256.update(header.getBytes(StandardCharsets.UTF_8));
        sha256.update(payload);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The v2 hash of this event, whatever version it names.
     *
     * @throws IllegalArgumentException when a required field is missing or the timestamp is not an ISO-8601
     *                                  instant
     */
    public static String v2(ChainedEvent event) {
        MessageDigest sha256 = sha256();
        field(sha256, HashVersion.V2.tag());
        field(sha256, required(event.eventId(), "event id"));
        field(sha256, required(event.communityId(), "community id"));
        field(sha256, Long.toString(event.version()));
        field(sha256, Long.toString(event.position()));
        field(sha256, required(event.name(), "event name"));
        field(sha256, required(event.revision(), "revision"));
        field(sha256, canonicalTimestamp(required(event.timestamp(), "timestamp")));
        field(sha256, required(event.principal(), "principal"));
        field(sha256, required(event.correlationId(), "correlation id"));
        field(sha256, event.idempotencyKey());
        field(sha256, required(event.prevHash(), "previous hash"));
        field(sha256, event.payloadBytes());
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The timestamp as {@link Instant#toString()} writes it. */
    public static String canonicalTimestamp(String timestamp) {
        String millisecondForm = canonicalMillisecondForm(timestamp);
        if (millisecondForm != null) {
            return millisecondForm;
        }
        try {
            return Instant.parse(timestamp).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: " + timestamp, e);
        }
    }

    /**
     * The canonical form of a timestamp in the form the event store writes ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}),
     * without {@link Instant#parse}: verifying a long log reads one per event, and the general parser costs
     * more than the rest of the hash. Answers null for any other form, or an invalid date or time, which the
     * general parser then decides. {@code Instant.toString()} writes the same text, except that it leaves out a
     * fraction of zero.
     */
    private static String canonicalMillisecondForm(String timestamp) {
        if (timestamp.length() != 24 || timestamp.charAt(4) != '-' || timestamp.charAt(7) != '-'
                || timestamp.charAt(10) != 'T' || timestamp.charAt(13) != ':' || timestamp.charAt(16) != ':'
                || timestamp.charAt(19) != '.' || timestamp.charAt(23) != 'Z') {
            return null;
        }
        for (int i : DIGIT_INDEXES) {
            char c = timestamp.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            // Checks the ranges (month, day of that month, hour, minute; a leap second goes to the parser).
            LocalDateTime.of(number(timestamp, 0, 4), number(timestamp, 5, 7), number(timestamp, 8, 10),
                    number(timestamp, 11, 13), number(timestamp, 14, 16), number(timestamp, 17, 19));
        } catch (DateTimeException e) {
            return null;
        }
        return timestamp.startsWith("000", 20) ? timestamp.substring(0, 19) + "Z" : timestamp;
    }

    private static final int[] DIGIT_INDEXES = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22};

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void field(MessageDigest sha256, String text) {
        field(sha256, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest sha256, byte[] bytes) {
        if (bytes == null) {
            sha256.update(ABSENT);
            return;
        }
        int length = bytes.length;
        sha256.update((byte) (length >>> 24));
        sha256.update((byte) (length >>> 16));
        sha256.update((byte) (length >>> 8));
        sha256.update((byte) length);
        sha256.update(bytes);
    }

    private static String required(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("a v2 chain hash needs the " + what);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            // A copy of a fresh digest skips the provider look-up that getInstance makes on every call.
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
