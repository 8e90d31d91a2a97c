package org.communityledger.proofs.note;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) with the JDK's own provider, and conversions between the JDK's keys and the raw forms that
 * notes carry: the 32-byte public key and the 32-byte private seed.
 *
 * <p><b>Why the typed key specs and not the encodings.</b> {@code getEncoded()} gives X.509 for a public key
 * (12 fixed bytes, then the 32) and PKCS#8 for a private one (16 fixed bytes, then the seed, for version 1).
 * Slicing them works for the JDK's keys today, but PKCS#8 version 2 appends the public key and other providers
 * may add attributes, so a fixed offset is a guess. The JDK defines the raw forms directly instead: a private
 * key's {@link EdECPrivateKey#getBytes()} is the RFC 8032 seed and {@link EdECPrivateKeySpec} takes it; a public
 * key is an {@link EdECPoint}, the y coordinate as a number plus whether x is odd, which is exactly RFC 8032's
 * encoding taken apart: y in 32 little-endian bytes with the top bit of the last byte set when x is odd.
 * {@link #rawPublicKey} and {@link #publicKey} do that conversion and nothing else. (The tests check it against
 * the X.509 bytes and against signatures made by Go's implementation.)
 *
 * <p><b>Public key from seed.</b> The JDK has no call for it; {@link #keyPairFromSeed} hands the seed to the key
 * pair generator as its only random bytes, which is how the generator makes a key (RFC 8032 §5.1.5: the seed
 * <em>is</em> the private key), and then checks that the private key it got back is that seed, so a provider
 * that drew its randomness differently fails loudly instead of producing another key.
 */
public final class Ed25519 {

    /** Bytes in a public key, a seed. */
    public static final int KEY_SIZE = 32;
    /** Bytes in a signature. */
    public static final int SIGNATURE_SIZE = 64;

    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    /** A new key pair from the JDK's strong random source. */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw missing(e);
        }
    }

    /** The RFC 8032 encoding of a JDK Ed25519 public key: 32 bytes, little-endian y, x's parity in the top bit. */
    public static byte[] rawPublicKey(PublicKey key) {
        if (!(key instanceof EdECPublicKey edKey) || !ALGORITHM.equalsIgnoreCase(edKey.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + (key == null ? null : key.getAlgorithm()));
        }
        EdECPoint point = edKey.getPoint();
        BigInteger y = point.getY();
        if (y.signum() < 0 || y.bitLength() > 255) {
            throw new IllegalArgumentException("the key's y coordinate does not fit 255 bits");
        }
        byte[] bigEndian = y.toByteArray(); // minimal two's complement, maybe with a leading zero byte
        byte[] raw = new byte[KEY_SIZE];
        for (int i = 0; i < KEY_SIZE && i < bigEndian.length; i++) {
            raw[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (point.isXOdd()) {
            raw[KEY_SIZE - 1] |= (byte) 0x80;
        }
        return raw;
    }

    /** The JDK public key for a 32-byte RFC 8032 encoding. */
    public static PublicKey publicKey(byte[] raw) {
        if (raw == null || raw.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is " + KEY_SIZE + " bytes");
        }
        boolean xOdd = (raw[KEY_SIZE - 1] & 0x80) != 0;
        byte[] bigEndian = new byte[KEY_SIZE];
        for (int i = 0; i < KEY_SIZE; i++) {
            bigEndian[i] = raw[KEY_SIZE - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        BigInteger y = new BigInteger(1, bigEndian);
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The 32-byte seed of a JDK Ed25519 private key. */
    public static byte[] seed(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey edKey) || !ALGORITHM.equalsIgnoreCase(edKey.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + (key == null ? null : key.getAlgorithm()));
        }
        byte[] seed = edKey.getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key does not reveal its bytes"));
        if (seed.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is " + KEY_SIZE + " bytes, not " + seed.length);
        }
        return seed;
    }

    /** The JDK private key for a 32-byte seed. */
    public static PrivateKey privateKey(byte[] seed) {
        if (seed == null || seed.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is " + KEY_SIZE + " bytes");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed: " + e.getMessage(), e);
        }
    }

    /** The key pair of a 32-byte seed: its private key and the public key derived from it. */
    public static KeyPair keyPairFromSeed(byte[] seed) {
        if (seed == null || seed.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is " + KEY_SIZE + " bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(seed(pair.getPrivate()), seed)) {
                throw new IllegalStateException("this JDK's Ed25519 generator does not take its seed as expected");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw missing(e);
        }
    }

    /** An RFC 8032 signature, 64 bytes. Deterministic: the same key and message always give the same bytes. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } catch (GeneralSecurityException e) {
            throw missing(e);
        }
    }

    /** Whether this is a valid signature of the message by the key; false for anything malformed. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (InvalidKeyException | java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw missing(e);
        }
    }

    private static IllegalStateException missing(GeneralSecurityException e) {
        return new IllegalStateException("Ed25519 is missing from this JVM (it is in every JDK since 15)", e);
    }

    /** Random bytes that are exactly one seed, once. */
    private static final class SeedAsRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;
        private transient boolean used;

        SeedAsRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for other random bytes than one seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            used = true;
        }
    }
}
