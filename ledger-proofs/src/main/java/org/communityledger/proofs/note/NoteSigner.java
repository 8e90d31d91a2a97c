package org.communityledger.proofs.note;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A private Ed25519 key with its name and id, as written in a signer key:
 * {@code PRIVATE+KEY+<name>+<8 hex digits of the key id>+base64(0x01 ‖ 32-byte seed)}. Immutable; its
 * {@link #toString()} never shows the key, only {@link #encoded()} does.
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, KeyPair pair) {
        this.verifier = NoteVerifier.of(name, pair.getPublic());
        this.name = name;
        this.seed = Ed25519.seed(pair.getPrivate());
        this.privateKey = pair.getPrivate();
    }

    /** A new key of this name. */
    public static NoteSigner generate(String name) {
        return new NoteSigner(name, Ed25519.generateKeyPair());
    }

    /** The signer of this name and JDK key pair. */
    public static NoteSigner of(String name, KeyPair pair) {
        NoteSigner signer = new NoteSigner(name, pair);
        if (!signer.verifier.equals(fromSeed(name, signer.seed).verifier)) {
            throw new IllegalArgumentException("the public key is not the private key's");
        }
        return signer;
    }

    /** The signer of this name and 32-byte seed. */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        return new NoteSigner(name, Ed25519.keyPairFromSeed(seed));
    }

    /**
     * Reads a signer key. Refuses anything but the {@code PRIVATE+KEY+} prefix, a valid name, eight lowercase
     * hex digits, canonical base64 of 0x01 and 32 bytes, and an id that is the hash of the name and the public
     * key derived from the seed.
     */
    public static NoteSigner parse(String signerKey) {
        Objects.requireNonNull(signerKey, "signerKey");
        if (!signerKey.startsWith(PRIVATE_KEY_PREFIX)) {
            throw NoteException.malformed("a signer key starts with PRIVATE+KEY+");
        }
        // Names and ids hold no "+", the base64 may.
        String[] parts = signerKey.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw NoteException.malformed("a signer key is PRIVATE+KEY+<name>+<hex id>+<base64 key>");
        }
        int keyId = NoteFormat.parseHexId(parts[1]);
        byte[] typedSeed = NoteFormat.parseBase64(parts[2]);
        if (typedSeed.length != 1 + Ed25519.KEY_SIZE || typedSeed[0] != NoteFormat.ED25519) {
            throw NoteException.malformed("only Ed25519 keys (type 0x01, 32 bytes) are supported");
        }
        if (!NoteFormat.isValidKeyName(parts[0])) {
            throw NoteException.malformed("a key name is non-empty, without spaces or '+'");
        }
        NoteSigner signer = fromSeed(parts[0], Arrays.copyOfRange(typedSeed, 1, typedSeed.length));
        if (signer.keyId() != keyId) {
            throw NoteException.malformed("the key id " + parts[1] + " is not that of the name and key");
        }
        return signer;
    }

    /** The key name. */
    public String name() {
        return name;
    }

    /** The key id, the same as the {@link #verifier()}'s. */
    public int keyId() {
        return verifier.keyId();
    }

    /** The public half, to give to whoever verifies. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The 64-byte Ed25519 signature of these bytes. */
    public byte[] sign(byte[] text) {
        return Ed25519.sign(privateKey, text);
    }

    /** The 64-byte Ed25519 signature of this note text, in UTF-8. */
    public byte[] sign(String text) {
        return sign(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The signer key text, {@code PRIVATE+KEY+<name>+<hex id>+<base64 seed>}: a secret. */
    public String encoded() {
        byte[] typedSeed = new byte[1 + Ed25519.KEY_SIZE];
        typedSeed[0] = NoteFormat.ED25519;
        System.arraycopy(seed, 0, typedSeed, 1, Ed25519.KEY_SIZE);
        return PRIVATE_KEY_PREFIX + name + "+" + NoteFormat.hexId(keyId()) + "+" + NoteFormat.base64(typedSeed);
    }

    /** The name and id only. */
    @Override
    public String toString() {
        return "NoteSigner[" + name + "+" + NoteFormat.hexId(keyId()) + "]";
    }
}
