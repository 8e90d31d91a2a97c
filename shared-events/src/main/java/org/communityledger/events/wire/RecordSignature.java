package org.communityledger.events.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the publisher signs of each record on the events topic, so that the query side applies only records the
 * command side published. The signed bytes are, each as a 4-byte big-endian length and then its bytes (text in
 * UTF-8; an absent field is the length {@code 0xFFFFFFFF} alone): the tag {@code ledger-record-v1}, the record's
 * key, its value, then the value of each header in {@link #SIGNED_HEADERS}, in that order. Headers outside the
 * list (a tracing header added on the way) are not signed, and the signature header is not either.
 */
public final class RecordSignature {

    /** The headers a signature covers, in the order they are signed. */
    public static final List<String> SIGNED_HEADERS = List.of(EventHeaders.EVENT_NAME, EventHeaders.EVENT_REVISION,
            EventHeaders.EVENT_ID, EventHeaders.SEQUENCE, EventHeaders.POSITION, EventHeaders.TIMESTAMP,
            EventHeaders.CORRELATION_ID, EventHeaders.HASH, EventHeaders.PREV_HASH);
    private static final String TAG = "ledger-record-v1";
    private static final byte[] ABSENT = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    private RecordSignature() {
    }

    /** The bytes a record's signature is made over. */
    public static byte[] signedBytes(String key, byte[] value, Map<String, String> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (value == null ? 0 : value.length));
        field(bytes, TAG.getBytes(StandardCharsets.UTF_8));
        field(bytes, key == null ? null : key.getBytes(StandardCharsets.UTF_8));
        field(bytes, value);
        for (String header : SIGNED_HEADERS) {
            String text = headers.get(header);
            field(bytes, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The signature header's value: base64 of the signing key's 4-byte id followed by the signature. */
    public static byte[] headerValue(int keyId, byte[] signature) {
        return Base64.getEncoder().encode(ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array());
    }

    /**
     * Reads a signature header's value.
     *
     * @throws IllegalArgumentException when it is not base64 of a 4-byte key id and a 64-byte Ed25519 signature
     */
    public static Signed readHeader(String header) {
        byte[] bytes = Base64.getDecoder().decode(header);
        if (bytes.length != 4 + 64) {
            throw new IllegalArgumentException("a record signature is a 4-byte key id and 64 bytes");
        }
        return new Signed(ByteBuffer.wrap(bytes, 0, 4).getInt(), Arrays.copyOfRange(bytes, 4, bytes.length));
    }

    /** A record's signature: the id of the key that made it, and the Ed25519 signature itself. */
    public record Signed(int keyId, byte[] signature) {
    }

    private static void field(ByteArrayOutputStream bytes, byte[] field) {
        if (field == null) {
            bytes.writeBytes(ABSENT);
            return;
        }
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
        bytes.writeBytes(field);
    }
}
