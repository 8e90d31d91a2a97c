package org.communityledger.command;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * RFC 9162 and C2SP signed-note checks written from the specifications for the tests, apart from the production
 * code in ledger-proofs: a bug shared by both would otherwise pass unseen.
 */
final class IndependentLogCheck {

    private IndependentLogCheck() {
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] leafHash(byte[] input) {
        return sha256(new byte[] {0}, input);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    /** MTH of RFC 9162 §2.1.1, by its recursive definition. */
    static byte[] treeHash(List<byte[]> inputs) {
        if (inputs.isEmpty()) {
            return sha256();
        }
        if (inputs.size() == 1) {
            return leafHash(inputs.get(0));
        }
        int k = Integer.highestOneBit(inputs.size() - 1);
        return nodeHash(treeHash(inputs.subList(0, k)), treeHash(inputs.subList(k, inputs.size())));
    }

    /** RFC 9162 §2.1.3.2: whether the path leads from the leaf to the root. */
    static boolean inclusionHolds(long index, long size, byte[] leafInput, List<byte[]> path, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash(leafInput);
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether the path proves the second tree extends the first. */
    static boolean consistencyHolds(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first > second || first < 1) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** A checkpoint read from a signed note whose Ed25519 signature by this verifier key holds. */
    record Opened(String origin, long size, byte[] root) {
    }

    /**
     * Checks a C2SP signed note against a note verifier key ({@code name+hexid+base64(0x01 ‖ key)}) and reads
     * the checkpoint in it.
     *
     * @throws AssertionError when the note is not signed by that key
     */
    static Opened open(String note, String verifierKey) {
        String[] key = verifierKey.strip().split("\\+", 3);
        byte[] typedKey = Base64.getDecoder().decode(key[2]);
        if (typedKey.length != 33 || typedKey[0] != 1) {
            throw new AssertionError("not an Ed25519 note key: " + verifierKey);
        }
        byte[] raw = Arrays.copyOfRange(typedKey, 1, 33);
        byte[] id = Arrays.copyOf(sha256(key[0].getBytes(StandardCharsets.UTF_8), new byte[] {'\n'}, typedKey), 4);
        if (!String.format("%02x%02x%02x%02x", id[0], id[1], id[2], id[3]).equals(key[1])) {
            throw new AssertionError("the key id does not match the key");
        }
        int split = note.indexOf("\n\n");
        String text = note.substring(0, split + 1);
        boolean signed = false;
        for (String line : note.substring(split + 2).split("\n")) {
            String prefix = "\u2014 " + key[0] + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] signature = Base64.getDecoder().decode(line.substring(prefix.length()));
            if (Arrays.equals(Arrays.copyOf(signature, 4), id)
                    && verifies(raw, text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signature, 4, signature.length))) {
                signed = true;
            }
        }
        if (!signed) {
            throw new AssertionError("no valid signature by " + key[0] + " on:\n" + note);
        }
        String[] lines = text.split("\n");
        return new Opened(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    private static boolean verifies(byte[] rawKey, byte[] message, byte[] signature) {
        try {
            byte[] x509 = new byte[44];
            System.arraycopy(new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00},
                    0, x509, 0, 12);
            System.arraycopy(rawKey, 0, x509, 12, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
