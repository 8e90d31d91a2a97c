package org.communityledger.proofs.batch;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.communityledger.proofs.tree.MerkleHashes;

/**
 * What one message of a signed batch carries: the id of the key, its signature over the batch's root, the
 * batch's size, the message's index in it and the inclusion path from the message's leaf to the root.
 *
 * <p>Encoded as the key id (4 bytes, big-endian), the 64-byte signature, the batch size and the index (4 bytes
 * each, big-endian), then the path's hashes (32 bytes each, leaf side first): 76 + 32·⌈log<sub>2</sub> size⌉
 * bytes.
 *
 * @param keyId     the signing key's 4-byte id, as in a signed note
 * @param signature Ed25519 over {@link BatchSigner#signedRoot(long, byte[])}
 * @param batchSize how many messages the batch holds, at least 1
 * @param index     this message's place in the batch, from 0
 * @param path      the inclusion path (RFC 9162 §2.1.3.1)
 */
public record BatchSignature(int keyId, byte[] signature, int batchSize, int index, List<byte[]> path) {

    private static final int SIGNATURE_SIZE = 64;
    private static final int FIXED_SIZE = 4 + SIGNATURE_SIZE + 4 + 4;

    public BatchSignature {
        if (signature.length != SIGNATURE_SIZE) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes");
        }
        if (batchSize < 1 || index < 0 || index >= batchSize) {
            throw new IllegalArgumentException("index " + index + " is not in a batch of " + batchSize);
        }
        signature = signature.clone();
        path = List.copyOf(path);
    }

    /** The bytes described above. */
    public byte[] encode() {
        ByteBuffer bytes = ByteBuffer.allocate(FIXED_SIZE + path.size() * MerkleHashes.HASH_SIZE)
                .putInt(keyId).put(signature).putInt(batchSize).putInt(index);
        path.forEach(bytes::put);
        return bytes.array();
    }

    /**
     * Reads {@link #encode()}'s bytes.
     *
     * @throws IllegalArgumentException when they are too short, the path is not whole hashes, or the index is
     *                                  outside the batch
     */
    public static BatchSignature decode(byte[] encoded) {
        if (encoded.length < FIXED_SIZE || (encoded.length - FIXED_SIZE) % MerkleHashes.HASH_SIZE != 0) {
            throw new IllegalArgumentException("a batch signature is 76 bytes and then whole 32-byte hashes, not "
                    + encoded.length + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.wrap(encoded);
        int keyId = bytes.getInt();
        byte[] signature = new byte[SIGNATURE_SIZE];
        bytes.get(signature);
        int batchSize = bytes.getInt();
        int index = bytes.getInt();
        List<byte[]> path = new ArrayList<>();
        while (bytes.hasRemaining()) {
            byte[] hash = new byte[MerkleHashes.HASH_SIZE];
            bytes.get(hash);
            path.add(hash);
        }
        return new BatchSignature(keyId, signature, batchSize, index, path);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchSignature that && keyId == that.keyId && batchSize == that.batchSize
                && index == that.index && Arrays.equals(signature, that.signature) && samePath(path, that.path);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyId + index) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "BatchSignature[key " + String.format("%08x", keyId) + ", " + (index + 1) + " of " + batchSize + "]";
    }

    private static boolean samePath(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
