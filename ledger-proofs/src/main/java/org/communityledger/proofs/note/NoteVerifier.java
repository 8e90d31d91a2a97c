package org.communityledger.proofs.note;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public Ed25519 key with its name and id, as written in a verifier key:
 * {@code <name>+<8 hex digits of the key id>+base64(0x01 ‖ 32-byte public key)}, e.g.
 * {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}. Immutable.
 */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final byte[] rawKey;
    private final PublicKey publicKey;

    private NoteVerifier(String name, byte[] rawKey) {
        if (!NoteFormat.isValidKeyName(name)) {
            throw NoteException.malformed("a key name is non-empty, without spaces or '+': " + name);
        }
        this.name = name;
        this.rawKey = rawKey.clone();
        this.publicKey = Ed25519.publicKey(rawKey);
        this.keyId = NoteFormat.keyId(name, NoteFormat.ED25519, rawKey);
    }

    /** The verifier of this name and JDK public key. */
    public static NoteVerifier of(String name, PublicKey publicKey) {
        return new NoteVerifier(name, Ed25519.rawPublicKey(publicKey));
    }

    /** The verifier of this name and 32-byte public key. */
    public static NoteVerifier ofRawKey(String name, byte[] rawPublicKey) {
        if (rawPublicKey == null || rawPublicKey.length != Ed25519.KEY_SIZE) {
            throw NoteException.malformed("an Ed25519 public key is 32 bytes");
        }
        return new NoteVerifier(name, rawPublicKey);
    }

    /**
     * Reads a verifier key. Refuses anything but exactly three parts, a valid name, eight lowercase hex digits,
     * canonical base64 of 0x01 and 32 bytes, and an id that is the hash of that name and key.
     */
    public static NoteVerifier parse(String verifierKey) {
        // Names and ids hold no "+", the base64 may.
        String[] parts = Objects.requireNonNull(verifierKey, "verifierKey").split("\\+", 3);
        if (parts.length != 3) {
            throw NoteException.malformed("a verifier key is <name>+<hex id>+<base64 key>");
        }
        int keyId = NoteFormat.parseHexId(parts[1]);
        byte[] typedKey = NoteFormat.parseBase64(parts[2]);
        if (typedKey.length != 1 + Ed25519.KEY_SIZE || typedKey[0] != NoteFormat.ED25519) {
            throw NoteException.malformed("only Ed25519 keys (type 0x01, 32 bytes) are supported");
        }
        NoteVerifier verifier;
        try {
            verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(typedKey, 1, typedKey.length));
        } catch (IllegalArgumentException e) {
            throw NoteException.malformed("not an Ed25519 public key");
        }
        if (verifier.keyId != keyId) {
            throw NoteException.malformed("the key id " + parts[1] + " is not that of the name and key");
        }
        return verifier;
    }

    /** The key name. */
    public String name() {
        return name;
    }

    /** The key id: the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key), big-endian. */
    public int keyId() {
        return keyId;
    }

    /** The 32-byte public key. */
    public byte[] rawPublicKey() {
        return rawKey.clone();
    }

    /** The JDK public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Whether {@code signature} (64 bytes, without the key id) signs {@code text} with this key. */
    public boolean verify(byte[] text, byte[] signature) {
        return Ed25519.verify(publicKey, text, signature);
    }

    /** Whether {@code signature} signs this note text (in UTF-8). */
    public boolean verify(String text, byte[] signature) {
        return verify(text.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** The verifier key text, {@code <name>+<hex id>+<base64 key>}. */
    public String encoded() {
        byte[] typedKey = new byte[1 + Ed25519.KEY_SIZE];
        typedKey[0] = NoteFormat.ED25519;
        System.arraycopy(rawKey, 0, typedKey, 1, Ed25519.KEY_SIZE);
        return name + "+" + NoteFormat.hexId(keyId) + "+" + NoteFormat.base64(typedKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifier that && name.equals(that.name) && keyId == that.keyId
                && Arrays.equals(rawKey, that.rawKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, Arrays.hashCode(rawKey));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
