package org.communityledger.proofs.batch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.communityledger.proofs.note.NoteSigner;
import org.communityledger.proofs.tree.InMemoryMerkleTree;

/** Signs a batch of messages with one signature (see the package description). */
public final class BatchSigner {

    /**
     * Starts what the key signs, so that no other text the same key signs (a checkpoint note is UTF-8 text
     * without control characters; a single record's signed bytes start with another tag) can be taken for it.
     */
    private static final byte[] TAG = "ledger-batch-v1".getBytes(StandardCharsets.UTF_8);

    private BatchSigner() {
    }

    /**
     * One {@link BatchSignature} per message, in the messages' order.
     *
     * @throws IllegalArgumentException when there is no message
     */
    public static List<BatchSignature> sign(NoteSigner key, List<byte[]> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(messages);
        int size = messages.size();
        byte[] signature = key.sign(signedRoot(size, tree.root()));
        List<BatchSignature> signatures = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            signatures.add(new BatchSignature(key.keyId(), signature, size, index, tree.inclusionProof(index, size)));
        }
        return signatures;
    }

    /**
     * The bytes the key signs for a batch: the tag {@code ledger-batch-v1} as a 4-byte big-endian length and its
     * bytes, then the batch size (8 bytes, big-endian) and the 32-byte root.
     */
    static byte[] signedRoot(long batchSize, byte[] root) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + TAG.length + 8 + root.length);
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(TAG.length).array());
        bytes.writeBytes(TAG);
        bytes.writeBytes(ByteBuffer.allocate(8).putLong(batchSize).array());
        bytes.writeBytes(root);
        return bytes.toByteArray();
    }
}
