package org.communityledger.proofs.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The small rules of c2sp.org/signed-note that keys, signatures and notes share. */
final class NoteFormat {

    /** The signature type byte of Ed25519. */
    static final byte ED25519 = 0x01;
    /** What starts a signature line: an em dash and a space. */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    private NoteFormat() {
    }

    /**
     * Key names are non-empty and contain no Unicode space and no plus; control characters cannot appear in a
     * note at all, so they are refused here too.
     */
    static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty() || !isWellFormed(name)) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '+' || c < 0x20 || c == 0x7f || isUnicodeSpace(c));
    }

    /** Unicode's White_Space property (what Go's unicode.IsSpace tests). */
    static boolean isUnicodeSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** A string with no lone surrogate, i.e. one that has a UTF-8 encoding. */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4]} as a big-endian unsigned 32-bit number. */
    static int keyId(String name, byte type, byte[] key) {
        MessageDigest sha256 = sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(type);
        sha256.update(key);
        return ByteBuffer.wrap(sha256.digest()).getInt();
    }

    /** Eight lowercase hex digits. */
    static String hexId(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    static int parseHexId(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw NoteException.malformed("a key id is 8 lowercase hex digits");
        }
        return (int) Long.parseLong(hex, 16);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Standard base64 with padding, in its one canonical form (the JDK's decoder alone would also take missing
     * padding and stray low bits, which would give one signature several spellings).
     */
    static byte[] parseBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw NoteException.malformed("not base64");
        }
        if (!base64(bytes).equals(text)) {
            throw NoteException.malformed("not canonical base64");
        }
        return bytes;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
