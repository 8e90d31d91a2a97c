package org.communityledger.command.transparency;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.communityledger.platform.problem.InvalidFieldException;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteSigner;
import org.communityledger.proofs.tree.MerkleProofs;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** What auditors ask of the transparency log: its signed checkpoint and proofs against it. */
@Component
class TransparencyLog {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final TreeStore store;
    private final StoredTree tree;
    private final SigningKey signer;
    /** The last signed checkpoint: signing is deterministic, so one per size is enough. */
    private final AtomicReference<SignedCheckpoint> lastSigned = new AtomicReference<>();

    TransparencyLog(TreeStore store, StoredTree tree, SigningKey signer) {
        this.store = store;
        this.tree = tree;
        this.signer = signer;
    }

    long size() {
        return store.state().treeSize();
    }

    /** RFC 9162 root hash of the first {@code size} leaves. */
    byte[] rootHash(long size) {
        return tree.read(size, hashes -> MerkleProofs.rootHash(hashes, size));
    }

    /** The signed checkpoint of the tree as it is now. */
    SignedCheckpoint checkpoint() {
        NoteSigner key = signer.signer();
        long size = size();
        SignedCheckpoint last = lastSigned.get();
        if (last != null && last.size() == size) {
            return last;
        }
        String note = new Checkpoint(key.name(), size, rootHash(size)).sign(key).format();
        SignedCheckpoint signed = new SignedCheckpoint(size, note);
        lastSigned.set(signed);
        return signed;
    }

    /** The inclusion proof of the event at a position in the tree of {@code treeSize} (default: now). */
    InclusionProof inclusion(long position, Long treeSize) {
        long current = size();
        long size = treeSize == null ? current : treeSize;
        checkTreeSize("treeSize", size, current);
        long leafIndex = store.leafIndexOf(position).orElseThrow(() -> new NotInLog(
                "no event at position " + position + " is in the transparency log yet (it has " + current
                        + " leaves; an event joins it a moment after it is stored)"));
        if (leafIndex >= size) {
            throw new InvalidFieldException("treeSize", "the event at position " + position + " is leaf " + leafIndex
                    + ", which a tree of " + size + " leaves does not hold");
        }
        String leafInput = store.chainHashAt(position).orElseThrow();
        List<byte[]> path = tree.read(size, hashes -> MerkleProofs.inclusionProof(hashes, leafIndex, size));
        return new InclusionProof(leafIndex, size, base64(leafInput), path.stream().map(BASE64::encodeToString).toList());
    }

    /** The consistency proof from the tree of {@code from} leaves to the tree of {@code to} (default: now). */
    ConsistencyProof consistency(long from, Long to) {
        long current = size();
        long second = to == null ? current : to;
        checkTreeSize("to", second, current);
        if (from < 1 || from > second) {
            throw new InvalidFieldException("from", "from is a tree size from 1 to " + second + ", not " + from);
        }
        List<byte[]> path = tree.read(second, hashes -> MerkleProofs.consistencyProof(hashes, from, second));
        return new ConsistencyProof(from, second, path.stream().map(BASE64::encodeToString).toList());
    }

    private static void checkTreeSize(String field, long size, long current) {
        if (size < 1 || size > current) {
            throw new InvalidFieldException(field, "the tree has " + current + " leaves: a tree size is from 1 to "
                    + current + ", not " + size);
        }
    }

    /** A hex chain hash as base64, or the text as stored when it is no hash (a proof then fails to verify). */
    private static String base64(String hexHash) {
        try {
            return BASE64.encodeToString(HexFormat.of().parseHex(hexHash));
        } catch (IllegalArgumentException e) {
            return BASE64.encodeToString(hexHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A checkpoint as a signed note, with its size. */
    record SignedCheckpoint(long size, String note) {
    }

    /** RFC 9162 inclusion proof; hashes in base64. */
    record InclusionProof(long leafIndex, long treeSize, String leafInput, List<String> path) {
    }

    /** RFC 9162 consistency proof; hashes in base64. */
    record ConsistencyProof(long from, long to, List<String> path) {
    }

    /** Answered as 404: the log holds no such event (yet). */
    static final class NotInLog extends ErrorResponseException {
        NotInLog(String detail) {
            super(HttpStatus.NOT_FOUND);
            getBody().setTitle("Not in the transparency log");
            getBody().setDetail(detail);
        }
    }
}
