package org.communityledger.proofs.batch;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.communityledger.proofs.note.NoteVerifier;
import org.communityledger.proofs.tree.MerkleHashes;
import org.communityledger.proofs.tree.MerkleProofs;

/**
 * Checks messages of signed batches against one key. The signature over a root is verified once; later
 * messages of the same batch cost a leaf hash and their path's node hashes. Thread-safe.
 */
public final class BatchVerifier {

    private final NoteVerifier key;
    /** The roots (size and hash) whose signature verified, most recently used last. */
    private final Map<String, Boolean> verifiedRoots;

    /** @param rememberedRoots how many verified roots to keep; a batch is a few hundred messages */
    public BatchVerifier(NoteVerifier key, int rememberedRoots) {
        this.key = key;
        this.verifiedRoots = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > rememberedRoots;
            }
        });
    }

    /** Why a message was refused, or empty when it is the key's. */
    public Optional<String> refusal(byte[] message, BatchSignature signature) {
        if (signature.keyId() != key.keyId()) {
            return Optional.of("it is not signed by " + key.name() + "+" + String.format("%08x", key.keyId()));
        }
        Optional<byte[]> root = MerkleProofs.rootFromInclusionProof(signature.index(), signature.batchSize(),
                MerkleHashes.leafHash(message), signature.path());
        if (root.isEmpty()) {
            return Optional.of("its inclusion path does not fit a batch of " + signature.batchSize());
        }
        String remembered = signature.batchSize() + ":" + HexFormat.of().formatHex(root.get());
        if (verifiedRoots.containsKey(remembered)) {
            return Optional.empty();
        }
        if (!key.verify(BatchSigner.signedRoot(signature.batchSize(), root.get()), signature.signature())) {
            return Optional.of("the signature does not match the batch its path leads to");
        }
        verifiedRoots.put(remembered, Boolean.TRUE);
        return Optional.empty();
    }

    /** How many verified roots are remembered now. */
    public int rememberedRoots() {
        return verifiedRoots.size();
    }
}
