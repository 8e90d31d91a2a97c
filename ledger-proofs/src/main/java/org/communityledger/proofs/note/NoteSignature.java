package org.communityledger.proofs.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a note: {@code — <key name> base64(key id ‖ signature)}.
 *
 * @param keyName   the key's name
 * @param keyId     the key's id (big-endian in the line)
 * @param signature the signature bytes after the key id (64 for Ed25519; other types may differ)
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    public NoteSignature {
        if (!NoteFormat.isValidKeyName(keyName)) {
            throw NoteException.malformed("a key name is non-empty, without spaces or '+'");
        }
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw NoteException.malformed("a signature has at least one byte after the key id");
        }
        signature = signature.clone();
    }

    /** Reads one line, without its newline. */
    static NoteSignature parseLine(String line) {
        if (!line.startsWith(NoteFormat.SIGNATURE_PREFIX)) {
            throw NoteException.malformed("a signature line starts with an em dash and a space");
        }
        String rest = line.substring(NoteFormat.SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw NoteException.malformed("a signature line is: em dash, space, key name, space, base64");
        }
        String name = rest.substring(0, space);
        byte[] decoded = NoteFormat.parseBase64(rest.substring(space + 1));
        if (decoded.length < 5) {
            throw NoteException.malformed("a signature is a 4-byte key id and at least one byte more");
        }
        int keyId = ByteBuffer.wrap(decoded, 0, 4).getInt();
        return new NoteSignature(name, keyId, Arrays.copyOfRange(decoded, 4, decoded.length));
    }

    /** The line, ending in a newline. */
    public String line() {
        byte[] decoded = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return NoteFormat.SIGNATURE_PREFIX + keyName + " " + NoteFormat.base64(decoded) + "\n";
    }

    /** Whether this signature claims to be by this key (same name and id). */
    public boolean isBy(NoteVerifier verifier) {
        return keyName.equals(verifier.name()) && keyId == verifier.keyId();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line().stripTrailing();
    }
}
