package org.communityledger.command.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.communityledger.events.wire.EventCodec;

/**
 * What makes two requests "the same" for an idempotency key: method, path and the body as the API read it
 * (so whitespace and field order do not matter, values do).
 */
final class RequestFingerprint {

    private static final ObjectMapper JSON = EventCodec.newObjectMapper();

    private RequestFingerprint() {
    }

    static String of(String target, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(JSON.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
